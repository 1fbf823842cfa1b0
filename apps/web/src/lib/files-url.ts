"use client";

import { createContext, useContext } from "react";

/** Where the API takes uploads and serves files (`/files` through the web server, or the API's own URL). */
export const FilesUrlContext = createContext("/files");

export const useFilesUrl = () => useContext(FilesUrlContext);
