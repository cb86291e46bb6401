#pragma once

#include "sync/ApiClient.hpp"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <deque>
#include <random>

class AppStore;
Q_MOC_INCLUDE("store/AppStore.hpp")
class Session;
Q_MOC_INCLUDE("sync/Session.hpp")

//! Sends what the device holds and brings what the server has, in this order: facilities
//! registered in the field, attachments (six at a time, resumed from the server's offset),
//! submissions in batches of up to 100, then the changes since the device's cursor. A submission counts as
//! sent only when its receipt is stored. A failure without an answer is retried with
//! exponential backoff and jitter; a refused sign-in stops and asks to sign in again,
//! keeping every record.
class SyncEngine : public QObject {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(AppStore* store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(Session* session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(Phase phase READ phase NOTIFY progressChanged)
    Q_PROPERTY(int itemsDone READ itemsDone NOTIFY progressChanged)
    Q_PROPERTY(int itemsTotal READ itemsTotal NOTIFY progressChanged)
    //! Photos and signatures of this sync: sent (or settled) and in all.
    Q_PROPERTY(int photosDone READ photosDone NOTIFY progressChanged)
    Q_PROPERTY(int photosTotal READ photosTotal NOTIFY progressChanged)
    //! Bytes, as numbers QML reads (exact far past any upload).
    Q_PROPERTY(double bytesDone READ bytesDone NOTIFY progressChanged)
    Q_PROPERTY(double bytesTotal READ bytesTotal NOTIFY progressChanged)
    //! Attachment bytes actually put on the network in this sync (resumed uploads send less).
    Q_PROPERTY(qint64 bytesSent READ bytesSent NOTIFY progressChanged)
    //! Photos' bytes going up now, per second, over the last few seconds (0 until known).
    Q_PROPERTY(double bytesPerSecond READ bytesPerSecond NOTIFY progressChanged)
    //! Seconds until the photos are sent at that pace (-1 while unknown).
    Q_PROPERTY(int secondsLeft READ secondsLeft NOTIFY progressChanged)
    //! When the last sync finished without error (invalid if never).
    Q_PROPERTY(QDateTime lastSync READ lastSync NOTIFY stateChanged)
    //! Why the last sync stopped, in plain words ("" when it did not fail).
    Q_PROPERTY(QString lastError READ lastError NOTIFY stateChanged)
    //! Problems with single records: [{"kind", "id", "message"}].
    Q_PROPERTY(QVariantList itemErrors READ itemErrors NOTIFY stateChanged)
    //! Milliseconds until the next automatic attempt after a failure (0 when none is due).
    Q_PROPERTY(int retryIn READ retryIn NOTIFY stateChanged)
    //! Sync by itself: at once when turned on (sign-in, enrollment, a start signed in), when
    //! the network comes back, periodically, and after a failure.
    Q_PROPERTY(bool automatic READ automatic WRITE setAutomatic NOTIFY automaticChanged)
    //! Milliseconds between periodic syncs.
    Q_PROPERTY(int interval READ interval WRITE setInterval NOTIFY automaticChanged)

public:
    //! How a sync uses the network. The defaults are the ones measured best on slow links
    //! (docs/app.md, "Sync"); beforeIssue24() is how the engine worked before them, kept so that the
    //! link benchmark measures both in one run.
    struct NetworkTuning {
        bool compress = true;          //!< gzip JSON bodies up, accept gzip down
        bool announceTogether = true;  //!< one request announces every attachment
        //! Uploads side by side: while one waits for its answer (a round trip: 600 ms on 2G)
        //! the other keeps the link busy; more only split a slow link and slow every answer.
        int parallelUploads = 2;
        bool sizeChunksToLink = true;  //!< chunks of a few seconds of the link, else setChunkSize()
        int pullPage = 1000;           //!< the most a page may hold: fewer round trips
        int stallTimeoutMs = 10'000;   //!< a connection that moves nothing for this long is dead
        static NetworkTuning beforeIssue24();
    };

    enum class State { Idle, Syncing, Waiting, SignInNeeded };
    Q_ENUM(State)
    enum class Phase { None, Facilities, Attachments, Submissions, Pulling };
    Q_ENUM(Phase)

    explicit SyncEngine(QObject* parent = nullptr);

    AppStore* store() const { return m_store; }
    void setStore(AppStore* store);
    Session* session() const { return m_session; }
    void setSession(Session* session);
    State state() const { return m_state; }
    Phase phase() const { return m_phase; }
    int itemsDone() const { return m_itemsDone; }
    int itemsTotal() const { return m_itemsTotal; }
    int photosDone() const { return m_photosDone; }
    int photosTotal() const { return m_photosTotal; }
    //! Acknowledged bytes and those of chunks on their way.
    double bytesDone() const { return static_cast<double>(bytesMoved()); }
    double bytesPerSecond() const { return linkRate(); }
    int secondsLeft() const;
    double bytesTotal() const { return static_cast<double>(m_bytesTotal); }
    qint64 bytesSent() const { return m_bytesSent; }
    QDateTime lastSync() const { return m_lastSync; }
    QString lastError() const { return m_lastError; }
    QVariantList itemErrors() const { return m_itemErrors; }
    int retryIn() const;
    bool automatic() const { return m_automatic; }
    void setAutomatic(bool on);
    int interval() const { return m_periodic.interval(); }
    void setInterval(int ms);

    //! First and longest pause of the backoff (tests shorten them).
    void setBackoff(int firstMs, int maxMs);
    //! Bytes per attachment upload request at most (a chunk is sized to a few seconds of
    //! the link, within this).
    void setChunkSize(qint64 bytes) { m_chunkSize = bytes; }
    void setTuning(const NetworkTuning& tuning) { m_tuning = tuning; }

    Q_INVOKABLE void syncNow();
    //! Stops the sync under way; what was acknowledged stays, the rest is sent next time.
    Q_INVOKABLE void cancel();

signals:
    void storeChanged();
    void sessionChanged();
    void stateChanged();
    void progressChanged();
    void automaticChanged();
    //! One sync ended: ok, or the reason.
    void finished(bool ok, const QString& error);
    //! A batch of `count` submissions has been handed to the network whole; its receipts
    //! are awaited.
    void batchSent(int count);

private:
    void setState(State state);
    void begin();
    void next();
    void pushFacilities();
    void uploadAttachments();
    void announceAttachments();
    void startUpload(const std::string& sha);
    qint64 bytesMoved() const;
    //! Photo bytes per second the server acknowledges: over the last 20 s, else from the
    //! chunks so far, else what the last sync measured (0 when nothing is known).
    double linkRate() const;
    qint64 nextChunkBytes() const;
    int chunkTimeoutMs(qint64 bytes) const;
    void rememberRate();
    //! Bytes moved: the pace and the estimate follow, and the interface is told (at most
    //! five times a second).
    void noteProgress();
    void uploadChunk(const QString& sha, qint64 size, qint64 offset);
    void uploadFinished();
    void pushSubmissions();
    void pull();
    void fetchAnswers();
    void succeed();
    //! Ends the sync because of `result`; true when it was a failure that stops it.
    bool stopOn(const ApiResult& result);
    void fail(const QString& message, bool retry, int retryAfterSeconds = 0);
    //! The session's client; only while a session is set (a sync runs only then).
    ApiClient& api();
    void cancelRequests();
    void itemError(const QString& kind, const QString& id, const QString& message);
    void stepDone(int items = 1);
    void photoDone();
    //! `atLeastMs`: what the server asked for in Retry-After (a busy or full server).
    void scheduleRetry(int atLeastMs = 0);

    QPointer<AppStore> m_store;
    QPointer<Session> m_session;
    State m_state = State::Idle;
    Phase m_phase = Phase::None;
    int m_itemsDone = 0, m_itemsTotal = 0;
    int m_photosDone = 0, m_photosTotal = 0;
    qint64 m_bytesDone = 0, m_bytesTotal = 0, m_bytesSent = 0;
    QDateTime m_lastSync;
    QString m_lastError;
    QVariantList m_itemErrors;
    bool m_automatic = false;
    QMetaObject::Connection m_reachability; //!< to QNetworkInformation, made once
    QTimer m_periodic;
    QTimer m_retry;
    int m_attempt = 0;
    int m_backoffFirstMs = 5'000, m_backoffMaxMs = 15 * 60'000;
    qint64 m_chunkSize = 1024 * 1024;
    NetworkTuning m_tuning;
    std::mt19937 m_random{std::random_device{}()};

    // The run under way.
    int m_generation = 0;
    int m_attachmentRounds = 0;
    int m_pushCount = 0;
    int m_uploadsActive = 0;
    std::deque<std::string> m_facilityQueue;
    std::deque<std::string> m_attachmentQueue; //!< not yet announced to the server
    struct Upload {
        std::string sha;
        qint64 size = 0;
        qint64 offset = 0;
    };
    std::deque<Upload> m_uploadQueue; //!< announced, with the offset to send from
    bool m_announceOneByOne = false;  //!< the server takes one photo per request only
    QHash<QString, qint64> m_inFlight; //!< body bytes of chunks under way, by attachment
    std::deque<std::pair<qint64, qint64>> m_paceSamples; //!< (ms since start, bytes moved)
    QElapsedTimer m_runClock;
    qint64 m_lastProgressMs = -1000;
    double m_rate = 0;       //!< over the window
    double m_chunkRate = 0;  //!< from single chunks
    double m_knownRate = 0;  //!< the last sync's
    bool m_progressed = false; //!< this run got something acknowledged
    QSet<QString> m_tried; //!< submissions pushed in this run (not offered twice)
    std::deque<std::string> m_answersToFetch;
};
