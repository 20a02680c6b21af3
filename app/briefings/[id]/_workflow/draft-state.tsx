"use client";

import { createContext, useContext, useMemo, useState, type ReactNode } from "react";

interface DraftState {
  /** The composer holds changes not saved yet. */
  dirty: boolean;
  setDirty: (dirty: boolean) => void;
}

const DraftStateContext = createContext<DraftState>({ dirty: false, setDirty: () => {} });

/** Lets the composer tell the panels beside it (Submit for clearance) that it has unsaved changes. */
export function DraftStateProvider({ children }: { children: ReactNode }) {
  const [dirty, setDirty] = useState(false);
  const value = useMemo(() => ({ dirty, setDirty }), [dirty]);
  return <DraftStateContext.Provider value={value}>{children}</DraftStateContext.Provider>;
}

export const useDraftState = () => useContext(DraftStateContext);
