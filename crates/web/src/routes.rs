//! The route table: every route with the roles that may use it.
//!
//! Routes are added only through [`Routes::add`], which takes an [`Access`]; the guard
//! ([`crate::guard`]) enforces it before the handler runs. [`Routes::specs`] lists the table, so
//! the tests can call every route as every role and check each is let through or refused as
//! declared, and check the OpenAPI document covers every API route.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{MethodRouter, get, post, put};
use store::Role;

use crate::audit_log;
use crate::guard::{GuardState, guard, security_headers};
use crate::{
    AppState, account, admin, api, committee, coordinator, csrf, error, page, projector, result,
    station_app, stations, typist,
};

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, also while the machine is online: static assets, the API description, the
    /// language switch. Never data.
    Public,
    /// Anyone not logged in too (login, first-run setup); refused while online.
    Anonymous,
    /// Any logged-in user.
    AnyUser,
    /// Logged-in users with one of these roles.
    Roles(&'static [Role]),
}

impl Access {
    /// Whether a user with `role` (or nobody, `None`) may use the route.
    pub fn allows(self, role: Option<Role>) -> bool {
        match self {
            Access::Public | Access::Anonymous => true,
            Access::AnyUser => role.is_some(),
            Access::Roles(roles) => role.is_some_and(|r| roles.contains(&r)),
        }
    }
}

/// One route of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteSpec {
    /// HTTP method.
    pub method: &'static str,
    /// Path pattern, e.g. `/elections/{election}`.
    pub path: &'static str,
    /// Who may use it.
    pub access: Access,
}

/// Builds the router, one declared route at a time.
#[derive(Debug)]
pub struct Routes {
    state: AppState,
    router: Router<AppState>,
    specs: Vec<RouteSpec>,
}

const TYPIST: &[Role] = &[Role::Typist];
const COORDINATOR: &[Role] = &[Role::Coordinator];
const MANAGERS: &[Role] = &[Role::Administrator, Role::Coordinator];
const ADMINISTRATOR: &[Role] = &[Role::Administrator];
const ENTRY_VIEWERS: &[Role] = &[Role::Coordinator, Role::Typist];

/// The largest EML 110b file accepted for import.
pub(crate) const MAX_UPLOAD: usize = 32 * 1024 * 1024;

impl Routes {
    /// Adds `handler` for `method` on `path`, for `access`.
    pub fn add(
        mut self,
        method: &'static str,
        path: &'static str,
        access: Access,
        handler: MethodRouter<AppState>,
    ) -> Routes {
        // The guard runs first (the outer layer): it lets the session through and leaves its CSRF
        // token, which the CSRF layer then requires of every change.
        let guarded = handler
            .route_layer(axum::middleware::from_fn_with_state(
                self.state.clone(),
                csrf::protect,
            ))
            .route_layer(axum::middleware::from_fn_with_state(
                GuardState {
                    app: self.state.clone(),
                    access,
                },
                guard,
            ));
        self.router = self.router.route(path, guarded);
        self.specs.push(RouteSpec {
            method,
            path,
            access,
        });
        self
    }

    /// The declared routes.
    pub fn specs(&self) -> &[RouteSpec] {
        &self.specs
    }

    /// The finished router: every refusal made a page or a JSON answer in one place, and
    /// security headers on every response.
    pub fn into_router(self) -> Router {
        let document = crate::openapi::document(&self.specs);
        self.router
            .layer(axum::Extension(crate::openapi::ApiDocument(
                std::sync::Arc::new(document),
            )))
            .fallback(page::fallback)
            .layer(axum::middleware::from_fn(error::respond))
            .layer(axum::middleware::map_response(security_headers))
            .with_state(self.state)
    }
}

/// Every route of the application.
pub fn table(state: AppState) -> Routes {
    use Access::*;
    let routes = Routes {
        state,
        router: Router::new(),
        specs: Vec::new(),
    };
    routes
        // Static and public.
        .add("GET", "/assets/style.css", Public, get(page::style))
        .add("GET", "/assets/app.js", Public, get(page::script))
        .add(
            "GET",
            "/assets/station.js",
            Public,
            get(station_app::chair::script),
        )
        .add("GET", "/api/openapi.json", Public, get(api::openapi))
        .add("GET", "/lang/{code}", Public, get(page::set_language))
        // Login and setup.
        .add("GET", "/", Anonymous, get(account::home))
        .add("GET", "/login", Anonymous, get(account::login_form))
        .add("POST", "/login", Anonymous, post(account::login))
        .add("GET", "/setup", Anonymous, get(account::setup_form))
        .add("POST", "/setup", Anonymous, post(account::setup))
        .add("POST", "/api/login", Anonymous, post(api::login))
        // Any user.
        .add("POST", "/logout", AnyUser, post(account::logout))
        .add("POST", "/api/logout", AnyUser, post(api::logout))
        .add(
            "GET",
            "/account/password",
            AnyUser,
            get(account::password_form),
        )
        .add(
            "POST",
            "/account/password",
            AnyUser,
            post(account::change_password),
        )
        .add(
            "POST",
            "/api/account/password",
            AnyUser,
            post(api::change_password),
        )
        .add("GET", "/elections", AnyUser, get(account::elections))
        .add("GET", "/api/elections", AnyUser, get(api::elections))
        .add(
            "GET",
            "/elections/{election}",
            AnyUser,
            get(typist::election),
        )
        // Typists.
        .add(
            "POST",
            "/elections/{election}/entries/{station}/claim",
            Roles(TYPIST),
            post(typist::claim),
        )
        .add(
            "GET",
            "/elections/{election}/entries/{station}",
            Roles(TYPIST),
            get(typist::entry_form),
        )
        .add(
            "POST",
            "/elections/{election}/entries/{station}",
            Roles(TYPIST),
            post(typist::entry_submit),
        )
        .add(
            "POST",
            "/elections/{election}/entries/{station}/typed",
            Roles(TYPIST),
            post(typist::typed),
        )
        .add(
            "POST",
            "/api/elections/{election}/entries/{station}/claim",
            Roles(TYPIST),
            post(api::claim),
        )
        .add(
            "PUT",
            "/api/elections/{election}/entries/{station}",
            Roles(TYPIST),
            put(api::save),
        )
        .add(
            "POST",
            "/api/elections/{election}/entries/{station}/finalise",
            Roles(TYPIST),
            post(api::finalise),
        )
        .add(
            "POST",
            "/api/elections/{election}/entries/{station}/abandon",
            Roles(TYPIST),
            post(api::abandon),
        )
        .add(
            "GET",
            "/api/elections/{election}/entries/{station}",
            Roles(ENTRY_VIEWERS),
            get(api::entry),
        )
        // Coordinators.
        .add(
            "GET",
            "/elections/{election}/overview",
            Roles(MANAGERS),
            get(coordinator::overview),
        )
        .add(
            "POST",
            "/elections/{election}/projector",
            Roles(MANAGERS),
            post(projector::open),
        )
        .add(
            "POST",
            "/elections/{election}/projector/close",
            Roles(MANAGERS),
            post(projector::close),
        )
        .add("GET", "/projector/{token}", Anonymous, get(projector::show))
        .add(
            "GET",
            "/api/elections/{election}/entries",
            Roles(MANAGERS),
            get(api::overview),
        )
        .add(
            "GET",
            "/elections/{election}/entries/{station}/resolve",
            Roles(COORDINATOR),
            get(coordinator::resolve_form),
        )
        .add(
            "POST",
            "/elections/{election}/entries/{station}/resolve",
            Roles(COORDINATOR),
            post(coordinator::resolve),
        )
        .add(
            "POST",
            "/api/elections/{election}/entries/{station}/resolve",
            Roles(COORDINATOR),
            post(api::resolve),
        )
        // The result.
        .add(
            "GET",
            "/elections/{election}/result",
            Roles(MANAGERS),
            get(result::result),
        )
        .add(
            "POST",
            "/elections/{election}/result/files",
            Roles(COORDINATOR),
            post(result::result_files),
        )
        .add(
            "POST",
            "/elections/{election}/result/lot",
            Roles(COORDINATOR),
            post(result::result_lot),
        )
        .add(
            "POST",
            "/elections/{election}/result/deceased",
            Roles(COORDINATOR),
            post(result::result_deceased),
        )
        .add(
            "POST",
            "/elections/{election}/result/import",
            Roles(COORDINATOR),
            post(result::result_import).layer(DefaultBodyLimit::max(MAX_UPLOAD)),
        )
        .add(
            "POST",
            "/elections/{election}/result/municipality",
            Roles(COORDINATOR),
            post(result::result_municipality).layer(DefaultBodyLimit::max(MAX_UPLOAD)),
        )
        .add(
            "POST",
            "/api/elections/{election}/result/import",
            Roles(COORDINATOR),
            post(api::result_import).layer(DefaultBodyLimit::max(MAX_UPLOAD)),
        )
        .add(
            "GET",
            "/elections/{election}/result/files/{kind}",
            Roles(MANAGERS),
            get(result::result_file),
        )
        // The committee's sessions and investigations.
        .add(
            "GET",
            "/elections/{election}/committee",
            Roles(MANAGERS),
            get(committee::committee),
        )
        .add(
            "POST",
            "/elections/{election}/committee/counting",
            Roles(COORDINATOR),
            post(committee::counting),
        )
        .add(
            "POST",
            "/elections/{election}/committee/session",
            Roles(COORDINATOR),
            post(committee::session_details),
        )
        .add(
            "POST",
            "/elections/{election}/committee/open",
            Roles(COORDINATOR),
            post(committee::session_open),
        )
        .add(
            "POST",
            "/elections/{election}/committee/investigations",
            Roles(COORDINATOR),
            post(committee::investigation_open),
        )
        .add(
            "POST",
            "/elections/{election}/committee/investigations/{station}/conclude",
            Roles(COORDINATOR),
            post(committee::investigation_conclude),
        )
        .add(
            "POST",
            "/elections/{election}/committee/reset",
            Roles(COORDINATOR),
            post(committee::reset),
        )
        // Polling stations.
        .add(
            "GET",
            "/elections/{election}/polling-stations",
            Roles(MANAGERS),
            get(stations::stations),
        )
        .add(
            "GET",
            "/elections/{election}/polling-stations/new",
            Roles(MANAGERS),
            get(stations::station_new_form),
        )
        .add(
            "POST",
            "/elections/{election}/polling-stations/new",
            Roles(MANAGERS),
            post(stations::station_create),
        )
        .add(
            "GET",
            "/elections/{election}/polling-stations/{station}/edit",
            Roles(MANAGERS),
            get(stations::station_edit_form),
        )
        .add(
            "POST",
            "/elections/{election}/polling-stations/{station}/edit",
            Roles(MANAGERS),
            post(stations::station_update),
        )
        .add(
            "GET",
            "/elections/{election}/polling-stations/{station}/n-10-2.pdf",
            Roles(MANAGERS),
            get(stations::station_count_form),
        )
        .add(
            "POST",
            "/elections/{election}/polling-stations/import",
            Roles(MANAGERS),
            post(stations::stations_import).layer(DefaultBodyLimit::max(MAX_UPLOAD)),
        )
        .add(
            "GET",
            "/api/elections/{election}/polling-stations",
            AnyUser,
            get(api::stations),
        )
        .add(
            "POST",
            "/api/elections/{election}/polling-stations",
            Roles(MANAGERS),
            post(api::station_create),
        )
        .add(
            "PUT",
            "/api/elections/{election}/polling-stations/{station}",
            Roles(MANAGERS),
            put(api::station_update),
        )
        .add(
            "POST",
            "/api/elections/{election}/polling-stations/import",
            Roles(MANAGERS),
            post(api::stations_import).layer(DefaultBodyLimit::max(MAX_UPLOAD)),
        )
        // The polling-station app, the coordinator's side.
        .add(
            "GET",
            "/elections/{election}/stembureau-app",
            Roles(MANAGERS),
            get(station_app::coordinator::overview),
        )
        .add(
            "GET",
            "/elections/{election}/stembureau-app/opkomst.json",
            Roles(MANAGERS),
            get(station_app::coordinator::published),
        )
        .add(
            "GET",
            "/elections/{election}/stembureau-app/opkomst.csv",
            Roles(MANAGERS),
            get(station_app::coordinator::published_csv),
        )
        .add(
            "POST",
            "/elections/{election}/stembureau-app/electorate",
            Roles(COORDINATOR),
            post(station_app::coordinator::set_electorate),
        )
        .add(
            "POST",
            "/elections/{election}/stembureau-app/publish",
            Roles(COORDINATOR),
            post(station_app::coordinator::publish),
        )
        .add(
            "POST",
            "/elections/{election}/stembureau-app/sessions/{session}/revoke",
            Roles(COORDINATOR),
            post(station_app::coordinator::revoke),
        )
        .add(
            "POST",
            "/elections/{election}/stembureau-app/credentials/{station}",
            Roles(COORDINATOR),
            post(station_app::coordinator::issue_credential),
        )
        // Users.
        .add("GET", "/users", Roles(MANAGERS), get(admin::users))
        .add(
            "GET",
            "/users/new",
            Roles(MANAGERS),
            get(admin::user_new_form),
        )
        .add(
            "POST",
            "/users/new",
            Roles(MANAGERS),
            post(admin::user_create),
        )
        .add(
            "POST",
            "/users/{username}/password",
            Roles(MANAGERS),
            post(admin::reset_password),
        )
        .add(
            "POST",
            "/users/{username}/disable",
            Roles(MANAGERS),
            post(admin::disable),
        )
        .add(
            "POST",
            "/users/{username}/enable",
            Roles(MANAGERS),
            post(admin::enable),
        )
        // The audit log.
        .add("GET", "/audit", Roles(MANAGERS), get(audit_log::page))
        .add("GET", "/api/users", Roles(ADMINISTRATOR), get(api::users))
        .add(
            "POST",
            "/api/users",
            Roles(ADMINISTRATOR),
            post(api::user_create),
        )
}
