"use client";

import { useEffect, useRef } from "react";

/**
 * After a refused save, moves focus to the first field marked invalid, so keyboard and
 * screen-reader users land on what needs fixing (its error is tied to it by aria-describedby).
 */
export function useFocusFirstError<T>(trigger: T) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!trigger) return;
    form.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [trigger]);
  return form;
}
