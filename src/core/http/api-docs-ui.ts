import type { FastifySwaggerUiOptions } from "@fastify/swagger-ui";

/**
 * Colours for the API documentation that meet WCAG AA (4.5:1): Swagger UI's own white-on-light
 * method badges, version pill and spec link do not, and axe calls that a serious finding.
 */
const contrastCss = `
.swagger-ui .opblock.opblock-get .opblock-summary-method { background: #1d5f99; }
.swagger-ui .opblock.opblock-post .opblock-summary-method { background: #17704a; }
.swagger-ui .opblock.opblock-put .opblock-summary-method { background: #8a4b00; }
.swagger-ui .opblock.opblock-patch .opblock-summary-method { background: #11675a; }
.swagger-ui .opblock.opblock-delete .opblock-summary-method { background: #b01c1c; }
.swagger-ui .info .title small, .swagger-ui .info .title small pre { background: #4d535c; }
.swagger-ui .info a.link, .swagger-ui .info .url { color: #1d5f99; }
`;

/**
 * /docs for integrators. BaseLayout drops Swagger UI's top bar (an image without alt text and an
 * unlabelled URL field); without deep links an operation's path is text, not a link nested in
 * the button that opens it.
 */
export const apiDocsUiOptions: FastifySwaggerUiOptions = {
  routePrefix: "/docs",
  staticCSP: true,
  uiConfig: { layout: "BaseLayout", deepLinking: false },
  theme: {
    title: "WITS Privacy API",
    css: [{ filename: "contrast.css", content: contrastCss }],
  },
};
