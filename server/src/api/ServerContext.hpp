#pragma once

#include "auth/Authenticator.hpp"
#include "http/Router.hpp"
#include "ops/Metrics.hpp"
#include "store/CentralStore.hpp"
#include "sync/AttachmentFiles.hpp"
#include "sync/FormCache.hpp"

#include <cstdint>

namespace kc::server {

struct ApiLimits {
    int pushBatch = 100;                       //!< submissions per push
    int pullPage = 1000;                       //!< largest pull page
    std::int64_t attachmentSize = 25 << 20;    //!< one attachment
    std::int64_t userQuota = 2LL << 30;        //!< a user's attachments and unfinished uploads
    double duplicateMetres = 100.0;            //!< facilities closer than this are likely the same
};

//! What the handlers share: the store and the services over it. Built once by `serve`.
struct ServerContext {
    CentralStore& store;
    Authenticator& auth;
    FormCache& forms;
    AttachmentFiles& files;
    Metrics& metrics;
    ApiLimits limits;
};

//! Registers every endpoint of docs/protocol.md.
void addApiRoutes(Router& router, ServerContext& context);

} // namespace kc::server
