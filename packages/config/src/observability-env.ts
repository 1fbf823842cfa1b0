import { z } from "zod";
import { envNumber, envUrl, optionalString } from "./env-parsers";

/**
 * Metrics and traces. `/metrics` is always served on the API port to the machine token
 * (`Authorization: Bearer $ADMIN_TOKEN`); `METRICS_PORT` adds a listener that serves it without a token,
 * for a scraper on a private network (never expose that port). Traces go out as OTLP/HTTP only when an
 * endpoint is set; the variable names and their meaning are the OpenTelemetry SDK's own
 * (https://opentelemetry.io/docs/specs/otel/protocol/exporter/).
 */
export const observabilityEnvSchema = z.object({
  METRICS_PORT: envNumber(0, { min: 0, max: 65535, int: true }),
  METRICS_HOST: optionalString.default("0.0.0.0"),
  /** Base URL of an OTLP/HTTP collector: spans go to `<base>/v1/traces`. */
  OTEL_EXPORTER_OTLP_ENDPOINT: envUrl(["http:", "https:"]),
  /** The full traces URL, used as is (wins over the base URL). */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: envUrl(["http:", "https:"]),
  /** `key=value,key2=value2`, sent with every export (e.g. a vendor's API key). */
  OTEL_EXPORTER_OTLP_HEADERS: optionalString,
  OTEL_SERVICE_NAME: optionalString.default("agents-crm-api"),
});
