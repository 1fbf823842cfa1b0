export {
  createAgentsCrmClient,
  trpcUrls,
  type AgentsCrmClient,
  type AppRouter,
  type ClientOptions,
  type ConnectedClient,
} from "./create-client";
export {
  ApiError,
  call,
  isApiError,
  toApiError,
  type ApiErrorCode,
  type ApiErrorData,
} from "./errors";
export type { RouterInputs, RouterOutputs } from "./router-types";
export {
  escalations,
  liveEvents,
  type AdminEvent,
  type EscalationEvent,
  type LiveEvent,
  type LiveEventsOptions,
} from "./live-events";
export { uploadLibraryFile, type UploadedFile } from "./files";
