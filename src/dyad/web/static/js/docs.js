// /docs: Swagger UI over this server's OpenAPI description (a file, not inline, so the
// page's content security policy can forbid inline scripts).
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
