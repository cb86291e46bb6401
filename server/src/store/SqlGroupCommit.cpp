// Group commit. With synchronous=FULL every commit waits for the disk (an fsync), and one
// writer commits at a time, so 200 devices pushing at once would queue 200 fsyncs. Instead,
// works that arrive while a commit is under way wait for it to finish; then one of their
// threads runs them all in one transaction and commits once. Each caller still gets what
// atomically() promises: its writes land together or not at all, and they are on disk when
// it returns. A work that throws leaves nothing behind and its caller gets the exception; the
// others commit.
//
// Two ways to run a group. Works that may run again (atomicallyRepeatable(): a push) run one
// after the other with nothing between them, so on PostgreSQL their writes stream to the
// database without a round trip each and the store's write lock, which every server waits
// for, is held for a few round trips a group, not a few a work. If one of them fails, the
// transaction is rolled back and the group runs the other way: each work in a savepoint of
// its own, a failed one rolled back to it alone. Any other group runs that way at once.
#include "store/SqlCentralStore.hpp"

#include <algorithm>
#include <stdexcept>

namespace kc::server {

namespace {
//! The store whose group this thread is running: a work that calls atomically() again
//! joins the transaction it is already in.
thread_local const SqlCentralStore* t_grouping = nullptr;
} // namespace

bool SqlCentralStore::inOwnWork() const { return t_grouping == this; }

void SqlCentralStore::atomically(const std::function<void()>& work) {
    GroupedWork mine{&work, nullptr, nullptr, false};
    runGrouped(mine);
}

void SqlCentralStore::atomicallyRepeatable(const std::function<void()>& work, ReadAheadKeys keys) {
    GroupedWork mine{&work, &keys, nullptr, false};
    runGrouped(mine);
}

void SqlCentralStore::runGrouped(GroupedWork& mine) {
    if (t_grouping == this) {  // nested in a work of the group: a savepoint of its own
        write([&] {
            SqlTransaction savepoint(m_db);
            (*mine.work)();
            savepoint.commit();
        });
        return;
    }
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

bool SqlCentralStore::commitTogether(const std::vector<GroupedWork*>& group) {
    try {
        SqlTransaction transaction(m_db);
        readAhead(group);
        for (auto* grouped : group) {
            (*grouped->work)();
            if (!m_db.inTransaction())  // SQLite rolled everything back under a work that went on
                throw std::runtime_error("the store rolled back a group of writes");
        }
        transaction.commit();  // on PostgreSQL, where a streamed write's failure is learnt at the latest
        return true;
    } catch (const StoreUnavailable&) {
        // The database went away or timed out: running the works again would only wait for it
        // again. Nothing of the group landed (a COMMIT whose answer was lost is for the
        // device's retry to find out: its receipts are idempotent).
        for (auto* grouped : group)
            grouped->error = std::current_exception();
        return true;
    } catch (...) {
        m_readAhead = {};  // rolled back with the transaction
        return false;
    }
}

void SqlCentralStore::commitGroup(const std::vector<GroupedWork*>& group) {
    std::lock_guard writer(m_mutex);
    t_grouping = this;
    const bool repeatable =
        group.size() > 1 && std::all_of(group.begin(), group.end(), [](const GroupedWork* g) { return g->keys; });
    if (repeatable && commitTogether(group)) {
        m_readAhead = {};
        t_grouping = nullptr;
        return;
    }
    std::exception_ptr lost;  // the whole transaction failed: nothing of the group landed
    try {
        SqlTransaction transaction(m_db);
        readAhead(group);
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
