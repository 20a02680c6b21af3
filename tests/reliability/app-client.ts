/**
 * Drives the app over HTTP as a browser without JavaScript does: it loads a page, reads the
 * form's hidden fields (React renders the server action's id and bound state there) and posts
 * the form back. No action id is hard-coded, so a rebuild changes nothing here, and the path is
 * the app's real one: proxy, session check, action guard, zod, data layer, audit row.
 */
const REQUEST_LIMIT_MS = 30_000;

const ENTITIES: Record<string, string> = {
  "&quot;": '"',
  "&#x27;": "'",
  "&#39;": "'",
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
};
const decode = (text: string) => text.replace(/&(?:quot|#x27|#39|lt|gt|amp);/g, (e) => ENTITIES[e]);

/** The hidden fields of the form on `html` that has a field named `marker`. */
export function hiddenFields(html: string, marker: string): [string, string][] {
  const form = html
    .split("<form")
    .slice(1)
    .map((part) => part.split("</form>")[0])
    .find((f) => f.includes(`name="${marker}"`));
  if (!form) throw new Error(`No form with a field "${marker}" on the page.`);
  const fields: [string, string][] = [];
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const attrs = Object.fromEntries([...tag.matchAll(/([\w$:-]+)="([^"]*)"/g)].map(([, k, v]) => [k, decode(v)]));
    if (attrs.type === "hidden" && attrs.name) fields.push([attrs.name, attrs.value ?? ""]);
  }
  return fields;
}

export class AppClient {
  private cookie = "";
  constructor(readonly baseUrl: string) {}

  private async get(pathname: string): Promise<string> {
    const response = await fetch(this.baseUrl + pathname, {
      headers: { cookie: this.cookie, accept: "text/html" },
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_LIMIT_MS),
    });
    if (response.status !== 200) throw new Error(`GET ${pathname} answered ${response.status}`);
    return response.text();
  }

  /** Posts a form; answers the status and Location (a no-JS action that redirects answers 303). */
  private async post(
    pathname: string,
    fields: [string, string][],
  ): Promise<{ status: number; location: string | null; setCookie: string[] }> {
    const body = new FormData();
    for (const [name, value] of fields) body.append(name, value);
    const response = await fetch(this.baseUrl + pathname, {
      method: "POST",
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_LIMIT_MS),
      headers: { cookie: this.cookie, origin: this.baseUrl, accept: "text/html" },
    });
    await response.arrayBuffer();
    return {
      status: response.status,
      location: response.headers.get("location"),
      setCookie: response.headers.getSetCookie(),
    };
  }

  /** Signs in through the sign-in form and keeps the session cookie (valid across restarts). */
  async signIn(email: string, password: string): Promise<void> {
    const fields = hiddenFields(await this.get("/sign-in"), "callbackUrl");
    const answer = await this.post("/sign-in", [...fields, ["email", email], ["password", password]]);
    const session = answer.setCookie.map((c) => c.split(";")[0]).find((c) => c.startsWith("authjs.session-token="));
    if (answer.status !== 303 || !session)
      throw new Error(`Sign-in answered ${answer.status} without a session cookie.`);
    this.cookie = session;
  }

  /** Loads the new-briefing page for a country and topic; returns the create form's hidden fields. */
  async openNewBriefing(country: string, topic: string): Promise<[string, string][]> {
    return hiddenFields(await this.get(`/briefings/new?country=${country}&topics=${topic}`), "occasionMeeting");
  }

  /**
   * Creates a briefing whose occasion is `tag`. Resolves to its id once the server answered the
   * redirect to it (the write is committed: the action redirects after its transaction), to
   * `{ refused }` for any other answer; rejects when the connection fails (the server died).
   */
  async createBriefing(form: [string, string][], tag: string): Promise<{ id: string } | { refused: number }> {
    const answer = await this.post("/briefings/new", [...form, ["occasionMeeting", tag]]);
    const id = answer.status === 303 ? /\/briefings\/([0-9a-f-]{36})$/.exec(answer.location ?? "")?.[1] : undefined;
    return id ? { id } : { refused: answer.status };
  }
}
