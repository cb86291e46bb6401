#pragma once

#include "api/ServerContext.hpp"
#include "http/Router.hpp"

#include "kc/time/Timestamp.hpp"

// One function per group of endpoints; addApiRoutes() calls them all.
namespace kc::server {

void addAuthRoutes(Router& router, ServerContext& context);
void addSyncRoutes(Router& router, ServerContext& context);
void addAttachmentRoutes(Router& router, ServerContext& context);
void addRegisterRoutes(Router& router, ServerContext& context);
void addReviewRoutes(Router& router, ServerContext& context);
void addExportRoutes(Router& router, ServerContext& context);
void addReportRoutes(Router& router, ServerContext& context);
void addUnitRoutes(Router& router, ServerContext& context);
void addOperationsRoutes(Router& router, ServerContext& context);
void addConsoleRoutes(Router& router, ServerContext& context);
void addUserRoutes(Router& router, ServerContext& context);
void addFormRoutes(Router& router, ServerContext& context);
void addDuplicateRoutes(Router& router, ServerContext& context);
void addRegisterImportRoutes(Router& router, ServerContext& context);
void addProjectRoutes(Router& router, ServerContext& context);

} // namespace kc::server
