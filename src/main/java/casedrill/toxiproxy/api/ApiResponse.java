package casedrill.toxiproxy.api;

import casedrill.toxiproxy.ToxiproxyException;

/** One reply of the API before it is put on the wire. */
record ApiResponse(int status, String contentType, String body, boolean routed) {
    static final String JSON = "application/json";
    static final String TEXT = "text/plain; charset=utf-8";

    static ApiResponse json(int status, String body) {
        return new ApiResponse(status, JSON, body, true);
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, null, "", true);
    }

    static ApiResponse error(ToxiproxyException e) {
        return new ApiResponse(e.status(), TEXT, GoJson.error(e.getMessage(), e.status()), true);
    }

    static ApiResponse notFound() {
        return new ApiResponse(404, TEXT, "404 page not found\n", false);
    }

    static ApiResponse methodNotAllowed() {
        return new ApiResponse(405, null, "", false);
    }

    static ApiResponse browserRefused() {
        return new ApiResponse(403, TEXT, "User agent not allowed\n", true);
    }
}
