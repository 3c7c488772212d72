// Swagger UI over this server's own OpenAPI document; "Authorize" takes an API key as a Bearer token.
window.addEventListener('load', () => {
  window.ui = SwaggerUIBundle({
    url: '/openapi',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    persistAuthorization: false,
    tryItOutEnabled: false,
  });
});
