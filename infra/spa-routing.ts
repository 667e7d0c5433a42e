/**
 * Which request paths are files of the built web app and which are routes of the single-page app
 * (served index.html). One rule for CloudFront (the viewer-request function) and the local cloud:
 * a path is a file when its last segment ends in an extension the build emits; anything else, ids
 * with dots included (an appeal id is `case-….a1`), is a route.
 */
export const STATIC_FILE_PATTERN = /\.(html|js|css|json|svg|png|woff2|ico|txt|map|webmanifest)$/;

/** The CloudFront Functions (JS 2.0) source of the rule. */
export const SPA_ROUTING_FUNCTION = `function handler(event) { var r = event.request; if (!${STATIC_FILE_PATTERN.toString()}.test(r.uri)) { r.uri = '/index.html'; } return r; }`;
