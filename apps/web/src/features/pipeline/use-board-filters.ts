"use client";

import { usePathname } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { boardFiltersToQuery, compactBoardFilters, sameBoardFilters } from "./board-filters";
import type { BoardFilters } from "./board-state";

/** The board's agent and channel filters, mirrored in the query string so a reload or link keeps them. */
export function useBoardFilters(initialFilters: BoardFilters) {
  const pathname = usePathname();
  const [filters, setFiltersState] = useState(initialFilters);
  const setFilters = useCallback((next: BoardFilters) => {
    const compact = compactBoardFilters(next);
    setFiltersState((current) => (sameBoardFilters(current, compact) ? current : compact));
  }, []);
  useEffect(() => {
    window.history.replaceState(
      window.history.state,
      "",
      `${pathname}${boardFiltersToQuery(filters)}`,
    );
  }, [filters, pathname]);
  return [filters, setFilters] as const;
}
