#include "ops/Metrics.hpp"

#include "http/TransportStats.hpp"
#include "ops/StorageFaults.hpp"

#include <sstream>

namespace kc::server {

namespace {
std::string escapeLabel(const std::string& value) {
    std::string out;
    for (char c : value) {
        if (c == '\\' || c == '"')
            out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}
} // namespace

void Metrics::observeRequest(const std::string& route, int status, double seconds) {
    std::lock_guard lock(m_mutex);
    ++m_requests[{route.empty() ? "unmatched" : route, status}];
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
        if (seconds <= kBuckets[i])
            ++m_bucketCounts[i];
    ++m_latencyCount;
    m_latencySum += seconds;
}

void Metrics::countPushed(const std::string& status) {
    std::lock_guard lock(m_mutex);
    ++m_pushed[status];
}

void Metrics::countPulled(std::int64_t changes) {
    std::lock_guard lock(m_mutex);
    m_pulled += changes;
}

void Metrics::countChunk(std::int64_t stored, std::int64_t resent) {
    std::lock_guard lock(m_mutex);
    m_chunkBytesStored += stored;
    m_chunkBytesResent += resent;
}

void Metrics::watch(const TransportStats* transport, const StorageFaults* storage) {
    std::lock_guard lock(m_mutex);
    m_transport = transport;
    m_storage = storage;
}

namespace {
void metric(std::ostringstream& out, const char* name, const char* type, const char* help, std::int64_t value) {
    out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n'
        << name << ' ' << value << '\n';
}
} // namespace

std::string Metrics::render(std::int64_t storeBytes, std::int64_t submissions) const {
    std::lock_guard lock(m_mutex);
    std::ostringstream out;
    out << "# HELP kcfield_http_requests_total HTTP requests answered, by route and status.\n"
        << "# TYPE kcfield_http_requests_total counter\n";
    for (const auto& [key, count] : m_requests)
        out << "kcfield_http_requests_total{route=\"" << escapeLabel(key.first) << "\",status=\""
            << key.second << "\"} " << count << '\n';
    out << "# HELP kcfield_http_request_duration_seconds Time to answer a request.\n"
        << "# TYPE kcfield_http_request_duration_seconds histogram\n";
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
        out << "kcfield_http_request_duration_seconds_bucket{le=\"" << kBuckets[i] << "\"} "
            << m_bucketCounts[i] << '\n';
    out << "kcfield_http_request_duration_seconds_bucket{le=\"+Inf\"} " << m_latencyCount << '\n'
        << "kcfield_http_request_duration_seconds_sum " << m_latencySum << '\n'
        << "kcfield_http_request_duration_seconds_count " << m_latencyCount << '\n';
    out << "# HELP kcfield_sync_pushed_items_total Submissions pushed, by receipt status.\n"
        << "# TYPE kcfield_sync_pushed_items_total counter\n";
    for (const auto& [status, count] : m_pushed)
        out << "kcfield_sync_pushed_items_total{status=\"" << escapeLabel(status) << "\"} " << count
            << '\n';
    out << "# HELP kcfield_sync_pulled_changes_total Changes sent to devices by pull.\n"
        << "# TYPE kcfield_sync_pulled_changes_total counter\n"
        << "kcfield_sync_pulled_changes_total " << m_pulled << '\n'
        << "# HELP kcfield_attachment_bytes_stored_total Attachment chunk bytes received and kept.\n"
        << "# TYPE kcfield_attachment_bytes_stored_total counter\n"
        << "kcfield_attachment_bytes_stored_total " << m_chunkBytesStored << '\n'
        << "# HELP kcfield_attachment_bytes_resent_total Attachment chunk bytes received that the server "
           "held already (a chunk sent again from a stale offset, or to a finished upload).\n"
        << "# TYPE kcfield_attachment_bytes_resent_total counter\n"
        << "kcfield_attachment_bytes_resent_total " << m_chunkBytesResent << '\n'
        << "# HELP kcfield_store_size_bytes Bytes the central store takes on disk.\n"
        << "# TYPE kcfield_store_size_bytes gauge\n"
        << "kcfield_store_size_bytes " << storeBytes << '\n'
        << "# HELP kcfield_store_submissions Submissions held by the central store.\n"
        << "# TYPE kcfield_store_submissions gauge\n"
        << "kcfield_store_submissions " << submissions << '\n';
    if (m_transport) {
        const TransportStats& t = *m_transport;
        metric(out, "kcfield_connections_open", "gauge", "Connections open now.", t.open);
        metric(out, "kcfield_connections_limit", "gauge", "Connections open at most.", t.connectionLimit);
        metric(out, "kcfield_connections_accepted_total", "counter", "Connections accepted.", t.accepted);
        metric(out, "kcfield_connections_shed_total", "counter",
               "Idle connections closed to make room for new ones.", t.shed);
        metric(out, "kcfield_connections_refused_total", "counter",
               "Connections answered 503 at the limit with none idle.", t.refused);
        metric(out, "kcfield_accept_errors_total", "counter",
               "Failures to accept a connection (descriptors ran out, ...).", t.acceptErrors);
        metric(out, "kcfield_body_bytes_in_flight", "gauge", "Request body memory reserved now.",
               t.bodyBytesInFlight);
        metric(out, "kcfield_body_budget_bytes", "gauge", "Request body memory at most.", t.bodyBudget);
        metric(out, "kcfield_body_budget_refusals_total", "counter",
               "Requests answered 503 because the body memory was spent.", t.bodyRefusals);
        metric(out, "kcfield_http_gzip_responses_total", "counter", "Answers sent compressed with gzip.",
               t.compressedResponses);
        metric(out, "kcfield_http_gzip_plain_bytes_total", "counter",
               "Bytes of the compressed answers' bodies before gzip.", t.plainBytes);
        metric(out, "kcfield_http_gzip_sent_bytes_total", "counter",
               "Bytes of the compressed answers' bodies as sent.", t.compressedBytes);
        metric(out, "kcfield_http_gzip_requests_total", "counter",
               "Request bodies that arrived with Content-Encoding: gzip and were inflated.", t.inflatedRequests);
        metric(out, "kcfield_http_request_body_bytes_total", "counter",
               "Bytes of request bodies as they arrived (compressed ones before inflating).", t.requestBodyBytes);
        metric(out, "kcfield_http_response_body_bytes_total", "counter",
               "Bytes of response bodies as they were sent (compressed ones after gzip).", t.responseBodyBytes);
    }
    if (m_storage) {
        const auto state = m_storage->state();
        metric(out, "kcfield_storage_full", "gauge", "1 while writes fail for want of space.", state.full ? 1 : 0);
        metric(out, "kcfield_storage_full_errors_total", "counter",
               "Requests answered 507 because storage was full.", state.fullErrors);
        metric(out, "kcfield_storage_free_bytes", "gauge", "Free bytes on the data folder's file system.",
               state.freeBytes);
    }
    return out.str();
}

} // namespace kc::server
