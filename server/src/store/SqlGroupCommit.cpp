// Group commit. With synchronous=FULL every commit waits for the disk (an fsync), and one
// writer commits at a time, so 200 devices pushing at once would queue 200 fsyncs. Instead,
// works that arrive while a commit is under way wait for it to finish; then one of their
// threads runs them all in one transaction, each in a savepoint of its own, and commits once.
// Each caller still gets what atomically() promises: its writes land together or not at all,
// and they are on disk when it returns. A work that throws rolls back to its savepoint and
// its caller gets the exception; the others commit.
#include "store/SqlCentralStore.hpp"

#include <stdexcept>

namespace kc::server {

namespace {
//! The store whose group this thread is running: a work that calls atomically() again
//! joins the transaction it is already in.
thread_local const SqlCentralStore* t_grouping = nullptr;
} // namespace

bool SqlCentralStore::inOwnWork() const { return t_grouping == this; }

void SqlCentralStore::atomically(const std::function<void()>& work) {
    if (t_grouping == this) {  // nested in a work of the group: a savepoint of its own
        write([&] {
            SqlTransaction savepoint(m_db);
            work();
            savepoint.commit();
        });
        return;
    }
    GroupedWork mine{&work, nullptr, false};
    std::unique_lock lock(m_groupMutex);
    m_waiting.push_back(&mine);
    while (!mine.done) {
        if (m_committing) {
            m_groupDone.wait(lock);
            continue;
        }
        // Nobody is committing: this thread commits everything waiting, its own work too.
        m_committing = true;
        std::vector<GroupedWork*> group;
        group.swap(m_waiting);
        lock.unlock();
        commitGroup(group);
        lock.lock();
        for (auto* grouped : group)
            grouped->done = true;
        m_committing = false;
        m_groupDone.notify_all();
    }
    if (mine.error)
        std::rethrow_exception(mine.error);
}

void SqlCentralStore::commitGroup(const std::vector<GroupedWork*>& group) {
    std::lock_guard writer(m_mutex);
    t_grouping = this;
    std::exception_ptr lost;  // the whole transaction failed: nothing of the group landed
    try {
        SqlTransaction transaction(m_db);
        if (group.size() == 1) {  // alone: its transaction is its own, no savepoint to keep
            (*group.front()->work)();
            m_readAhead = {};
            transaction.commit();
            t_grouping = nullptr;
            return;
        }
        for (auto* grouped : group) {
            try {
                SqlTransaction savepoint(m_db);  // nested: a SAVEPOINT
                (*grouped->work)();
                savepoint.commit();
            } catch (...) {
                grouped->error = std::current_exception();
            }
            m_readAhead = {};  // each work's own
            if (!m_db.inTransaction()) {  // SQLite rolled everything back (a full disk, an I/O error)
                lost = std::make_exception_ptr(std::runtime_error(
                    "the store rolled back a group of writes after an error; nothing of it was stored"));
                break;
            }
        }
        if (!lost)
            transaction.commit();
    } catch (...) {
        lost = std::current_exception();  // alone: its own exception, its writes rolled back
    }
    m_readAhead = {};
    t_grouping = nullptr;
    if (lost)
        for (auto* grouped : group)
            grouped->error = grouped->error ? grouped->error : lost;
}

} // namespace kc::server
