import type { AnchorHTMLAttributes, ReactNode } from 'react';
import {
  Redirect,
  Switch,
  useSearch,
  useLocation as useWouterLocation,
  Link as WouterLink,
  Route as WouterRoute,
} from 'wouter';
import { useHistoryState } from 'wouter/use-browser-location';

// The app's routing words, over wouter (~2 KB; React Router weighed 12 KB of the first
// download, docs/BUDGETS.md). Screens import from here, never from wouter, so the few places
// where wouter differs from what screens expect (a location object, the first location of
// the document, `element` routes) live in this one file. Routes match in the order written:
// a literal path ("/visitas/nueva") goes before the parameter it would match ("/visitas/:id").

export { useParams, useSearchParams } from 'wouter';

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  /** An app path ("/docentes/…"). */
  to: string;
  replace?: boolean;
  state?: unknown;
  /** The browser follows it itself (a file download): no in-app navigation. */
  reloadDocument?: boolean;
}

/** A link to a screen of the app: an <a href>, followed without reloading the page. */
export function Link({ reloadDocument, ...props }: LinkProps) {
  if (reloadDocument) {
    const { to, replace: _replace, state: _state, ...anchor } = props;
    return <a href={to} {...anchor} />;
  }
  return <WouterLink {...props} />;
}

export interface AppLocation {
  pathname: string;
  /** With its "?" when not empty, like `window.location.search`. */
  search: string;
  /** The navigation's state (`<Navigate state>`), null when none. */
  state: unknown;
  /** True until the document first changes location: a screen reached by navigating moves
   *  focus to its heading; the document's first screen leaves it where the browser put it. */
  first: boolean;
}

let moved = false;
if (typeof window !== 'undefined') {
  // wouter announces its pushState/replaceState calls with events of the same names.
  for (const event of ['popstate', 'pushState', 'replaceState']) {
    window.addEventListener(event, () => {
      moved = true;
    });
  }
}

export function useLocation(): AppLocation {
  const [pathname] = useWouterLocation();
  const search = useSearch();
  const state = useHistoryState();
  return { pathname, search: search ? `?${search}` : '', state: state ?? null, first: !moved };
}

export interface NavigateOptions {
  replace?: boolean;
  state?: unknown;
}

export function useNavigate(): (to: string, options?: NavigateOptions) => void {
  return useWouterLocation()[1];
}

/** Goes to `to` as soon as it renders (a redirect). */
export function Navigate({ to, replace, state }: { to: string } & NavigateOptions) {
  return <Redirect to={to} replace={replace} state={state} />;
}

/** One route: `path` in wouter's patterns ("/docentes/:id", "*" for any), shown as `element`.
 *  Inside `<Routes>` the first route whose path matches is the only one shown. */
export function Route({ path, element, ...rest }: { path: string; element: ReactNode }) {
  // `rest` carries the match Switch computed, so the path is not matched twice.
  return (
    <WouterRoute path={path} {...rest}>
      {element}
    </WouterRoute>
  );
}

export const Routes = Switch;
