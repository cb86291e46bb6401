// GET /metrics (Prometheus text, admins only) and the route table.
#include "api/ApiRoutes.hpp"

#include "api/ApiSupport.hpp"

namespace kc::server {

void addOperationsRoutes(Router& router, ServerContext& context) {
    router.add("GET", "/metrics", signedIn(context.auth, [&context](const Request&, const Caller& caller) {
        requireRole(caller, {domain::Role::Admin}, "read metrics");
        Response response;
        response.contentType = "text/plain; version=0.0.4; charset=utf-8";
        response.body = context.metrics.render(context.store.sizeOnDisk(), context.store.counts().submissions) +
                        context.store.metricsText();
        return response;
    }));
}

void addApiRoutes(Router& router, ServerContext& context) {
    addAuthRoutes(router, context);
    addSyncRoutes(router, context);
    addAttachmentRoutes(router, context);
    addRegisterRoutes(router, context);
    addReviewRoutes(router, context);
    addExportRoutes(router, context);
    addReportRoutes(router, context);
    addUnitRoutes(router, context);
    addOperationsRoutes(router, context);
    addUserRoutes(router, context);
    addFormRoutes(router, context);
    addDuplicateRoutes(router, context);
    addRegisterImportRoutes(router, context);
    addProjectRoutes(router, context);
    addConsoleRoutes(router, context);
}

} // namespace kc::server
