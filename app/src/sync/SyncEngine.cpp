#include "sync/SyncEngine.hpp"

#include "store/AppStore.hpp"
#include "sync/Session.hpp"

#include "kc/json/Json.hpp"
#include "kc/protocol/PushItem.hpp"

#include <QFile>
#include <QNetworkInformation>

#include <algorithm>
#include <cmath>

using kc::app::LocalStore;

namespace {
QString qs(const std::string& s) { return QString::fromStdString(s); }
constexpr int kBatch = 100;    // docs/protocol.md: at most 100 submissions per push
// A chunk is sized to the link: about this many seconds of it, so that an answer comes back
// every few seconds and a dead connection is told from a slow one by the transfer timeout
// (bytes written to the socket leave the phone only as fast as the radio sends them, so the
// progress Qt reports says nothing of the link; only answers do).
constexpr double kChunkSeconds = 6.0;
constexpr qint64 kFirstChunk = 16 * 1024; // until the link's pace is known
constexpr std::size_t kAnnouncePerRequest = 500; // docs/protocol.md: at most 500 per request
} // namespace

SyncEngine::SyncEngine(QObject* parent) : QObject(parent) {
    m_periodic.setInterval(15 * 60'000);
    connect(&m_periodic, &QTimer::timeout, this, [this] {
        if (m_state == State::Idle)
            syncNow();
    });
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SyncEngine::syncNow);
}

void SyncEngine::setStore(AppStore* store) {
    if (store == m_store)
        return;
    m_store = store;
    const auto remember = [this] {
        if (m_store && m_store->local())
            if (const auto last = m_store->local()->meta("last_sync"))
                m_lastSync = QDateTime::fromString(QString::fromStdString(*last), Qt::ISODateWithMs);
        emit stateChanged();
    };
    if (m_store)
        connect(m_store, &AppStore::openedChanged, this, remember);
    remember();
    emit storeChanged();
}

void SyncEngine::setSession(Session* session) {
    if (session == m_session)
        return;
    if (m_session) {
        cancelRequests();
        m_session->disconnect(this);
        m_session->api()->disconnect(this);
    }
    m_session = session;
    if (m_session) {
        connect(m_session, &Session::userChanged, this, [this] {
            if (m_state == State::SignInNeeded && m_session->signedIn()) {
                setState(State::Idle);
                if (m_automatic)
                    syncNow();
            }
        });
        connect(m_session->api(), &ApiClient::uploadProgress, this, [this](QObject* owner, qint64 sent, qint64 total) {
            if (owner == this && m_phase == Phase::Submissions && total > 0 && sent == total)
                emit batchSent(m_pushCount);
        });
    }
    emit sessionChanged();
}

void SyncEngine::setAutomatic(bool on) {
    if (on == m_automatic)
        return;
    m_automatic = on;
    if (on) {
        m_periodic.start();
        // At once, too: right after sign-in or enrollment the device holds no forms and no
        // registers, and a person should not have to find "Sync now" to get them.
        QTimer::singleShot(0, this, [this] {
            if (m_automatic && m_state == State::Idle && m_store && m_store->local() && m_session &&
                m_session->signedIn())
                syncNow();
        });
        // Sync when the network comes back, where the platform can tell.
        // Once: a lambda cannot be a unique connection, so the connection is remembered.
        if (!m_reachability &&
            QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
            m_reachability = connect(
                QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability r) {
                    if (m_automatic && r == QNetworkInformation::Reachability::Online &&
                        m_state != State::Syncing && m_state != State::SignInNeeded)
                        syncNow();
                });
    } else {
        m_periodic.stop();
        m_retry.stop();
    }
    emit automaticChanged();
}

void SyncEngine::setInterval(int ms) {
    if (ms == m_periodic.interval())
        return;
    m_periodic.setInterval(ms);
    emit automaticChanged();
}

void SyncEngine::setBackoff(int firstMs, int maxMs) {
    m_backoffFirstMs = firstMs;
    m_backoffMaxMs = maxMs;
}

int SyncEngine::retryIn() const { return m_retry.isActive() ? m_retry.remainingTime() : 0; }

void SyncEngine::setState(State state) {
    m_state = state;
    emit stateChanged();
}

void SyncEngine::syncNow() {
    if (m_state == State::Syncing)
        return;
    m_retry.stop();
    if (!m_store || !m_store->local()) {
        fail(tr("The data on this device is not open."), false);
        return;
    }
    if (!m_session || !m_session->signedIn()) {
        m_lastError = tr("Sign in to sync.");
        setState(State::SignInNeeded);
        emit finished(false, m_lastError);
        return;
    }
    begin();
}

SyncEngine::NetworkTuning SyncEngine::NetworkTuning::beforeIssue24() {
    NetworkTuning before;
    before.compress = false;
    before.announceTogether = false;
    before.parallelUploads = 6;
    before.sizeChunksToLink = false;
    before.pullPage = 500;
    before.stallTimeoutMs = 30'000;
    return before;
}

void SyncEngine::begin() {
    LocalStore& local = *m_store->local();
    api().setCompressRequests(m_tuning.compress);
    api().setAcceptCompressed(m_tuning.compress);
    api().setTimeout(m_tuning.stallTimeoutMs);
    ++m_generation;
    m_lastError.clear();
    m_itemErrors.clear();
    m_tried.clear();
    m_attachmentRounds = 0;
    m_uploadsActive = 0;
    m_facilityQueue.clear();
    m_attachmentQueue.clear();
    m_uploadQueue.clear();
    m_inFlight.clear();
    m_paceSamples.clear();
    m_rate = 0;
    m_chunkRate = 0;
    // The last sync's pace, when it reads as a plain positive figure (not "inf", not "nan").
    const double known = qs(local.meta("upload_rate").value_or("0")).toDouble();
    m_knownRate = std::isfinite(known) && known > 0 && known < 1e12 ? known : 0.0;
    m_progressed = false;
    m_runClock.start();
    m_lastProgressMs = -1000;
    m_answersToFetch.clear();
    for (const auto& f : local.pendingFacilities())
        m_facilityQueue.push_back(f.id);
    m_bytesDone = m_bytesTotal = m_bytesSent = 0;
    for (const auto& a : local.attachmentsToUpload()) {
        m_attachmentQueue.push_back(a.sha256);
        m_bytesTotal += a.size;
    }
    m_itemsDone = 0;
    m_photosDone = 0;
    m_photosTotal = static_cast<int>(m_attachmentQueue.size());
    m_itemsTotal = static_cast<int>(m_facilityQueue.size() + m_attachmentQueue.size()) +
                   m_store->unsentCount();
    m_phase = Phase::Facilities;
    setState(State::Syncing);
    emit progressChanged();
    pushFacilities();
}

ApiClient& SyncEngine::api() { return *m_session->api(); }

void SyncEngine::cancelRequests() {
    if (m_session)
        m_session->api()->cancel(this);
}

void SyncEngine::photoDone() {
    ++m_photosDone;
    stepDone();
}

void SyncEngine::stepDone(int items) {
    m_itemsDone += items;
    m_progressed = true;
    noteProgress();
    emit progressChanged();
}

qint64 SyncEngine::bytesMoved() const {
    qint64 moving = 0;
    for (const qint64 bytes : m_inFlight)
        moving += bytes;
    return std::min(m_bytesTotal, m_bytesDone + moving);
}

void SyncEngine::noteProgress() {
    constexpr qint64 kWindowMs = 20'000;
    const qint64 now = m_runClock.isValid() ? m_runClock.elapsed() : 0;
    const qint64 moved = m_bytesSent;  // acknowledged by the server: the link's real pace
    m_paceSamples.emplace_back(now, moved);
    while (m_paceSamples.size() > 2 && now - m_paceSamples.front().first > kWindowMs)
        m_paceSamples.pop_front();
    const auto& [firstMs, firstBytes] = m_paceSamples.front();
    if (now - firstMs >= 2000 && moved >= firstBytes)
        m_rate = double(moved - firstBytes) * 1000.0 / double(now - firstMs);
    if (now - m_lastProgressMs >= 200) {
        m_lastProgressMs = now;
        emit progressChanged();
    }
}

int SyncEngine::secondsLeft() const {
    const qint64 left = m_bytesTotal - m_bytesDone;
    const double rate = linkRate();
    if (m_phase != Phase::Attachments || left <= 0 || rate <= 1.0)
        return -1;
    return static_cast<int>(std::min(std::ceil(double(left) / rate), 359'999.0));
}

double SyncEngine::linkRate() const {
    return m_rate > 0 ? m_rate : m_chunkRate > 0 ? m_chunkRate : m_knownRate;
}

qint64 SyncEngine::nextChunkBytes() const {
    const double rate = linkRate();
    if (!m_tuning.sizeChunksToLink)
        return m_chunkSize;
    if (rate <= 0)
        return std::min(m_chunkSize, kFirstChunk);
    const double perUpload = rate / m_tuning.parallelUploads;
    return std::clamp<qint64>(static_cast<qint64>(perUpload * kChunkSeconds), std::min(m_chunkSize, kFirstChunk),
                              m_chunkSize);
}

int SyncEngine::chunkTimeoutMs(qint64 bytes) const {
    const double rate = linkRate();
    if (!m_tuning.sizeChunksToLink)
        return m_tuning.stallTimeoutMs;
    const double expectedMs = rate > 0 ? double(bytes) * m_tuning.parallelUploads * 1000.0 / rate : 0.0;
    return static_cast<int>(std::clamp(2.0 * expectedMs + 4000.0, double(m_tuning.stallTimeoutMs), 30'000.0));
}

bool SyncEngine::stopOn(const ApiResult& result) {
    if (result.signInNeeded()) {
        cancelRequests();
        m_phase = Phase::None;
        m_lastError = result.message;
        m_store->local()->requeueSending();
        setState(State::SignInNeeded);
        emit finished(false, m_lastError);
        return true;
    }
    if (result.noAnswer() || result.status >= 500 || result.status == 429) {
        fail(result.message, true, result.retryAfter);
        return true;
    }
    return false;
}

void SyncEngine::rememberRate() {
    const double rate = m_rate > 0 ? m_rate : m_chunkRate;
    if (rate > 0 && m_store && m_store->local())
        m_store->local()->setMeta("upload_rate", std::to_string(static_cast<qint64>(rate)));
}

void SyncEngine::fail(const QString& message, bool retry, int retryAfterSeconds) {
    cancelRequests();
    rememberRate();
    m_inFlight.clear();
    // A weak signal that dropped after something went through: try again soon, as after a
    // first failure, rather than waiting longer each time it drops.
    if (m_progressed)
        m_attempt = 0;
    m_phase = Phase::None;
    m_lastError = message;
    if (m_store && m_store->local())
        m_store->local()->requeueSending();
    setState(State::Idle);
    if (retry && m_automatic)
        scheduleRetry(std::clamp(retryAfterSeconds, 0, 3600) * 1000);
    emit progressChanged();
    emit finished(false, message);
}

void SyncEngine::scheduleRetry(int atLeastMs) {
    // Exponential backoff with jitter, so that a hundred phones coming back together do not
    // all knock at the same instant.
    const double ceiling =
        std::min<double>(m_backoffMaxMs, m_backoffFirstMs * std::pow(2.0, std::min(m_attempt, 20)));
    std::uniform_real_distribution<double> jitter(0.5, 1.0);
    ++m_attempt;
    m_retry.start(std::max(atLeastMs, static_cast<int>(ceiling * jitter(m_random))));
    setState(State::Waiting);
}

void SyncEngine::cancel() {
    if (m_state != State::Syncing && m_state != State::Waiting)
        return;
    ++m_generation;
    m_retry.stop();
    cancelRequests();
    m_phase = Phase::None;
    if (m_store && m_store->local())
        m_store->local()->requeueSending();
    m_lastError = tr("Sync cancelled.");
    setState(State::Idle);
    emit progressChanged();
    emit finished(false, m_lastError);
}

void SyncEngine::itemError(const QString& kind, const QString& id, const QString& message) {
    m_itemErrors.append(QVariantMap{{QStringLiteral("kind"), kind}, {QStringLiteral("id"), id},
                                    {QStringLiteral("message"), message}});
}

// --- 1. facilities registered in the field (submissions may name them)

void SyncEngine::pushFacilities() {
    if (m_facilityQueue.empty()) {
        m_phase = Phase::Attachments;
        emit progressChanged();
        uploadAttachments();
        return;
    }
    const std::string id = m_facilityQueue.front();
    m_facilityQueue.pop_front();
    auto row = m_store->local()->facility(id);
    if (!row || !row->pending) {
        stepDone();
        pushFacilities();
        return;
    }
    const int generation = m_generation;
    api().sendJson(this, "POST", QStringLiteral("/v1/facilities"), row->data,
                   [this, id, generation](const ApiResult& r) {
        if (generation != m_generation || stopOn(r))
            return;
        if (r.ok()) {
            try {
                const kc::json::ObjectReader body(r.body, "answer");
                m_store->local()->acknowledgeFacility(
                    id, body.object("facility").object(),
                    body.optionalBoolean("needs_review").value_or(false));
            } catch (const std::exception& e) {
                itemError(QStringLiteral("facility"), qs(id), qs(e.what()));
            }
        } else {
            m_store->local()->setFacilityError(id, r.message.toStdString());
            itemError(QStringLiteral("facility"), qs(id), r.message);
        }
        stepDone();
        pushFacilities();
    });
}

// --- 2. attachments: where each stands, asked in one request, then the bytes, a few at a time

void SyncEngine::uploadAttachments() {
    // Several uploads run side by side: each request waits on the network's round trips, so
    // one at a time leaves the link idle most of the time.
    while (m_uploadsActive < m_tuning.parallelUploads && !m_uploadQueue.empty()) {
        const Upload upload = m_uploadQueue.front();
        m_uploadQueue.pop_front();
        ++m_uploadsActive;
        uploadChunk(qs(upload.sha), upload.size, upload.offset);
    }
    if (m_uploadsActive > 0)
        return;
    if (!m_attachmentQueue.empty()) {
        announceAttachments();
        return;
    }
    m_phase = Phase::Submissions;
    emit progressChanged();
    pushSubmissions();
}

void SyncEngine::announceAttachments() {
    if (m_announceOneByOne || !m_tuning.announceTogether) {
        while (m_uploadsActive < m_tuning.parallelUploads && !m_attachmentQueue.empty()) {
            const std::string sha = m_attachmentQueue.front();
            m_attachmentQueue.pop_front();
            ++m_uploadsActive;
            startUpload(sha);
        }
        return;
    }
    boost::json::array items;
    std::vector<kc::app::AttachmentRow> rows;
    while (!m_attachmentQueue.empty() && rows.size() < kAnnouncePerRequest) {
        auto row = m_store->local()->attachment(m_attachmentQueue.front());
        m_attachmentQueue.pop_front();
        if (!row) {
            photoDone();
            continue;
        }
        boost::json::object item{{"sha256", row->sha256}, {"size", row->size}, {"content_type", row->contentType}};
        if (!row->origin.empty())
            item["origin"] = row->origin;
        items.push_back(std::move(item));
        rows.push_back(std::move(*row));
    }
    if (rows.empty()) {
        uploadAttachments();
        return;
    }
    const int generation = m_generation;
    api().sendJson(this, "POST", QStringLiteral("/v1/attachments"), boost::json::object{{"attachments", std::move(items)}},
                   [this, rows, generation](const ApiResult& r) {
        if (generation != m_generation || stopOn(r))
            return;
        const auto* body = r.body.if_object();
        const auto* answers = body ? body->if_contains("attachments") : nullptr;
        if (r.ok() && (!answers || !answers->is_array() || answers->get_array().size() != rows.size())) {
            fail(tr("The server's answer about the photos could not be read."), false);
            return;
        }
        if (!r.ok()) {
            // A server from before one request could announce many: one request per photo.
            m_announceOneByOne = true;
            for (auto it = rows.rbegin(); it != rows.rend(); ++it)
                m_attachmentQueue.push_front(it->sha256);
            announceAttachments();
            return;
        }
        const auto& list = answers->get_array();
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto& row = rows[i];
            const auto* answer = list[i].if_object();
            const auto* error = answer ? answer->if_contains("error") : nullptr;
            if (!answer || error) {
                ApiResult item;
                item.status = answer && answer->contains("status") && answer->at("status").is_int64()
                                  ? static_cast<int>(answer->at("status").get_int64()) : 400;
                item.body = answer ? boost::json::value(*answer) : boost::json::value();
                if (error && error->is_object())
                    if (const auto* code = error->get_object().if_contains("code"); code && code->is_string())
                        item.errorCode = qs(std::string(code->get_string()));
                itemError(QStringLiteral("attachment"), qs(row.sha256), ApiClient::describe(item, api().server()));
                photoDone();
                continue;
            }
            const bool complete = answer->contains("complete") && answer->at("complete").is_bool() &&
                                  answer->at("complete").get_bool();
            if (complete) {
                m_store->local()->markUploaded(row.sha256, true);
                m_bytesDone += row.size;
                photoDone();
                continue;
            }
            qint64 offset = 0;
            if (const auto* at = answer->if_contains("offset"); at && at->is_int64())
                offset = std::clamp<qint64>(at->get_int64(), 0, row.size);
            m_bytesDone += offset; // resumed: those bytes are on the server already
            m_uploadQueue.push_back({row.sha256, row.size, offset});
        }
        emit progressChanged();
        uploadAttachments();
    });
}

void SyncEngine::uploadFinished() {
    --m_uploadsActive;
    photoDone();
    uploadAttachments();
}

//! One request per photo: for servers that do not take a list.
void SyncEngine::startUpload(const std::string& sha) {
    auto row = m_store->local()->attachment(sha);
    if (!row) {
        uploadFinished();
        return;
    }
    const int generation = m_generation;
    boost::json::object body{{"sha256", row->sha256}, {"size", row->size}, {"content_type", row->contentType}};
    if (!row->origin.empty())
        body["origin"] = row->origin;
    api().sendJson(this, "POST", QStringLiteral("/v1/attachments"), body,
                   [this, sha, size = row->size, generation](const ApiResult& r) {
        if (generation != m_generation || stopOn(r))
            return;
        if (!r.ok()) {
            itemError(QStringLiteral("attachment"), qs(sha), r.message);
            uploadFinished();
            return;
        }
        const auto* status = r.body.if_object();
        const bool complete = status && status->contains("complete") &&
                              status->at("complete").is_bool() && status->at("complete").get_bool();
        if (complete) {
            m_store->local()->markUploaded(sha, true);
            m_bytesDone += size;
            uploadFinished();
            return;
        }
        const qint64 offset = std::clamp<qint64>(r.uploadOffset, 0, size);
        m_bytesDone += offset;
        uploadChunk(qs(sha), size, offset);
    });
}

void SyncEngine::uploadChunk(const QString& sha, qint64 size, qint64 offset) {
    QFile file(QString::fromStdString(
        (m_store->local()->attachmentFolder() / sha.toStdString()).string()));
    if (!file.open(QIODevice::ReadOnly) || !file.seek(offset)) {
        itemError(QStringLiteral("attachment"), sha,
                  tr("The file of this photo is missing on the device: %1").arg(file.errorString()));
        uploadFinished();
        return;
    }
    const QByteArray chunk = file.read(std::min(nextChunkBytes(), size - offset));
    const int generation = m_generation;
    QElapsedTimer sentAt;
    sentAt.start();
    api().sendBytes(this, "PATCH", QStringLiteral("/v1/attachments/") + sha, chunk,
                    {{"Upload-Offset", QByteArray::number(offset)}},
                    [this, sha, size, offset, sent = chunk.size(), generation, sentAt](const ApiResult& r) {
        if (generation != m_generation)
            return;
        m_inFlight.remove(sha);
        if (r.ok() && sent > 0) {  // this chunk's pace, while the window has too few samples
            const double rate = double(sent) * 1000.0 / double(std::max<qint64>(1, sentAt.elapsed()));
            m_chunkRate = m_chunkRate > 0 ? 0.5 * m_chunkRate + 0.5 * rate * m_tuning.parallelUploads
                                          : rate * m_tuning.parallelUploads;
        }
        if (stopOn(r))
            return;
        if (r.status == 409 && r.errorCode == QLatin1String("offset_mismatch") && r.uploadOffset >= 0 &&
            r.uploadOffset <= size) {
            m_bytesDone += r.uploadOffset - offset;
            uploadChunk(sha, size, r.uploadOffset); // resume where the server is
            return;
        }
        if (!r.ok()) {
            itemError(QStringLiteral("attachment"), sha, r.message);
            uploadFinished();
            return;
        }
        m_bytesDone += sent;
        m_bytesSent += sent;
        m_progressed = true;
        const qint64 reached = r.uploadOffset >= 0 ? r.uploadOffset : offset + sent;
        if (reached < size) {
            emit progressChanged();
            uploadChunk(sha, size, reached);
            return;
        }
        m_store->local()->markUploaded(sha.toStdString(), true);
        uploadFinished();
    }, [this, sha, generation](qint64 bytes) {
        if (generation != m_generation)
            return;
        m_inFlight[sha] = bytes;  // counted as done only once the server says it holds them
        noteProgress();
    }, chunkTimeoutMs(chunk.size()));
}

// --- 3. submissions, in batches; each counts as sent only with its receipt

void SyncEngine::pushSubmissions() {
    LocalStore& local = *m_store->local();
    boost::json::array items;
    std::vector<std::string> ids;
    for (auto& s : local.outbox(kBatch + static_cast<int>(m_tried.size()))) {
        if (m_tried.contains(qs(s.id)))
            continue;
        ids.push_back(s.id);
        items.push_back(kc::protocol::toJson(kc::protocol::PushItem{
            std::move(s.id), std::move(s.formId), s.formVersion, s.baseRevision,
            s.capturedAt.empty() ? std::nullopt : std::optional(std::move(s.capturedAt)), std::move(s.answers)}));
        m_tried.insert(qs(ids.back()));
        if (ids.size() == kBatch)
            break;
    }
    if (ids.empty()) {
        // Attachments the server said it lacks were marked again: one more round for them.
        const auto missing = m_attachmentRounds == 0 ? local.attachmentsToUpload()
                                                     : std::vector<kc::app::AttachmentRow>{};
        if (!missing.empty()) {
            ++m_attachmentRounds;
            m_tried.clear();
            for (const auto& a : missing) {
                m_attachmentQueue.push_back(a.sha256);
                m_bytesTotal += a.size;
                ++m_itemsTotal;
                ++m_photosTotal;
            }
            m_phase = Phase::Attachments;
            emit progressChanged();
            uploadAttachments();
            return;
        }
        m_phase = Phase::Pulling;
        emit progressChanged();
        pull();
        return;
    }
    local.markSending(ids);
    const int generation = m_generation;
    m_pushCount = static_cast<int>(ids.size());
    api().sendJson(this, "POST", QStringLiteral("/v1/push"),
                   boost::json::object{{"submissions", std::move(items)}},
                   [this, generation, count = static_cast<int>(ids.size())](const ApiResult& r) {
        if (generation != m_generation || stopOn(r))
            return;
        if (!r.ok()) {
            fail(r.message, false);
            return;
        }
        try {
            const kc::json::ObjectReader body(r.body, "answer");
            const auto& receipts = body.array("receipts");
            const kc::app::LocalStore::ChangeGroup group(*m_store->local());  // a batch is told once
            for (std::size_t i = 0; i < receipts.size(); ++i) {
                const auto receipt = kc::protocol::readReceipt(receipts[i], "receipts[" + std::to_string(i) + "]");
                m_store->local()->applyReceipt(receipt);
                const QString id = qs(receipt.id);
                const auto status = receipt.effective().status;
                if (status == kc::protocol::ReceiptStatus::Invalid)
                    itemError(QStringLiteral("submission"), id,
                              tr("The server found problems in this record; it is back in your drafts."));
                else if (status == kc::protocol::ReceiptStatus::MissingAttachments)
                    itemError(QStringLiteral("submission"), id,
                              tr("Some photos of this record did not reach the server yet."));
            }
        } catch (const std::exception& e) {
            m_store->local()->requeueSending();
            fail(tr("The server's receipts could not be read: %1").arg(qs(e.what())), false);
            return;
        }
        stepDone(count);
        pushSubmissions();
    });
}

// --- 4. what changed on the server since the device's cursor

void SyncEngine::pull() {
    const std::string cursor = m_store->local()->meta("pull_cursor").value_or("0");
    const int generation = m_generation;
    api().getJson(this, QStringLiteral("/v1/pull?since=%1&limit=%2").arg(qs(cursor)).arg(m_tuning.pullPage),
                  [this, generation](const ApiResult& r) {
        if (generation != m_generation || stopOn(r))
            return;
        if (!r.ok()) {
            fail(r.message, false);
            return;
        }
        bool more = false;
        try {
            const kc::json::ObjectReader body(r.body, "pull");
            kc::app::PullPage page{body.array("changes"), body.string("next")};
            more = body.boolean("more");
            const auto applied = m_store->local()->applyPull(page);
            for (const auto& id : applied.answersToFetch)
                m_answersToFetch.push_back(id);
            m_itemsTotal += static_cast<int>(page.changes.size());
            stepDone(static_cast<int>(page.changes.size()));
        } catch (const std::exception& e) {
            fail(tr("The server's changes could not be read: %1").arg(qs(e.what())), false);
            return;
        }
        if (more)
            pull();
        else
            fetchAnswers();
    });
}

void SyncEngine::fetchAnswers() {
    // A submission whose standing revision this device does not hold (returned to a
    // reinstalled phone, a conflict settled for another device's revision): its answers are
    // fetched so that what the officer sees and corrects is what stands.
    if (m_answersToFetch.empty()) {
        succeed();
        return;
    }
    const std::string id = m_answersToFetch.front();
    m_answersToFetch.pop_front();
    const int generation = m_generation;
    api().getJson(this, QStringLiteral("/v1/submissions/") + qs(id), [this, id, generation](const ApiResult& r) {
        if (generation != m_generation || stopOn(r))
            return;
        if (r.ok()) {
            try {
                const kc::json::ObjectReader body(r.body, "submission");
                const std::int64_t standing = body.int64("revision");
                for (const auto& item : body.array("revisions")) {
                    const kc::json::ObjectReader revision(item, "revision");
                    if (revision.int64("revision") == standing)
                        m_store->local()->adoptServerAnswers(id, standing, revision.int64("form_version"),
                                                             revision.object("answers").object());
                }
            } catch (const std::exception& e) {
                itemError(QStringLiteral("submission"), qs(id), qs(e.what()));
            }
        } else {
            itemError(QStringLiteral("submission"), qs(id), r.message);
        }
        fetchAnswers();
    });
}

void SyncEngine::succeed() {
    rememberRate();
    m_phase = Phase::None;
    m_attempt = 0;
    m_lastSync = QDateTime::currentDateTimeUtc();
    m_store->local()->setMeta("last_sync", m_lastSync.toString(Qt::ISODateWithMs).toStdString());
    setState(State::Idle);
    emit progressChanged();
    emit finished(true, {});
}
