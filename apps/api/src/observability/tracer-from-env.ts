import type { ServerEnv } from "@agents-crm/config/env";
import type { Logger } from "../logger";
import { createOtlpExporter, parseOtlpHeaders, type OtlpExporter } from "./otlp-exporter";
import { createTracer, noopTracer, type Tracer } from "./tracing";

/** The traces URL: the signal-specific variable as is, else `<base>/v1/traces` (the SDK's rule). */
export function otlpTracesUrl(env: ServerEnv): string | null {
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT) return null;
  return env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, "") + "/v1/traces";
}

export function tracerFromEnv(
  env: ServerEnv,
  log: Logger,
  replicaId: string,
): { tracer: Tracer; exporter: OtlpExporter | null } {
  const url = otlpTracesUrl(env);
  if (!url) return { tracer: noopTracer, exporter: null };
  const exporter = createOtlpExporter({
    url,
    headers: parseOtlpHeaders(env.OTEL_EXPORTER_OTLP_HEADERS),
    resource: {
      "service.name": env.OTEL_SERVICE_NAME,
      "service.version": env.APP_VERSION,
      "service.instance.id": replicaId,
      "deployment.environment": env.ENVIRONMENT,
    },
    onError: (error) => log.warn("traces not exported", { error }),
  });
  return { tracer: createTracer((span) => exporter.enqueue(span)), exporter };
}
