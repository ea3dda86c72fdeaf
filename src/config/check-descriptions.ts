/** What editors see for each field of a service's `check` in `services.schema.json`. */
export const CHECK_DESCRIPTIONS: Record<string, string> = {
  'services.check':
    'What the probe does to decide whether the service works. Without it: an HTTP request to "url" (status, keyword, response time). Each kind ("http", "dns", "tcp", "journey", "heartbeat") goes through the same confirmation, locations, maintenance and opening hours.',
  'services.check.kind':
    '"http": the address answers as expected, with optional JSON and header assertions; "dns": a name resolves; "tcp": a port accepts connections (optionally a TLS handshake); "journey": up to 5 HTTP steps in order, sharing cookies; "heartbeat": the service itself reports at least every "interval".',
  'services.check.expect':
    'What the answer must hold besides its status and keyword: "json" assertions on the body and "headers" the answer must carry.',
  'services.check.expect.json':
    'Assertions on the JSON body, each a JSONPath query (RFC 9535), optionally inside len(…), compared to a JSON value: "$.status == \\"ok\\"", "len($.items) > 0". Ordering operators (<, <=, >, >=) compare numbers.',
  'services.check.expect.headers':
    'Headers the answer must carry: name → text its value must contain (case-insensitive), e.g. { "content-type": "application/json" }.',
  'services.check.name': 'Name to resolve (default: the host of "url").',
  'services.check.record': 'Record type asked for: A (default), AAAA, CNAME, MX, NS or TXT.',
  'services.check.resolvers':
    'Resolvers asked (IP address, optional port), instead of the system\'s: a list for every location, or { "<location id>": [ … ] } so each vantage point asks its own (a resolver in France from Paris, one abroad from abroad). A location left out uses its system\'s.',
  'services.check.dns.expect':
    'Answers allowed (addresses for A/AAAA, names for CNAME, MX, NS; text for TXT): any other answer, or none, fails the check as a wrong answer.',
  'services.check.host': 'Host name or IP address to connect to (default: the host of "url").',
  'services.check.port': 'TCP port to connect to.',
  'services.check.tls':
    'Also complete a TLS handshake (certificate checked against the name, its expiry and issuer recorded). Default false: the connection alone.',
  'services.check.serverName': 'Name sent in the TLS handshake (SNI) and checked against the certificate (default: "host").',
  'services.check.steps':
    "The journey's steps, in order (1 to 5). Cookies set by one step are sent by the next. A failed step ends the journey; its name is shown to staff and on the service page.",
  'services.check.steps.name':
    'What the step does, as citizens would say it ("Se connecter avec FranceConnect"), in French or { "fr", "en" }.',
  'services.check.steps.url': 'Address of the step: an http(s) URL, or a path ("/connexion") on the service\'s address.',
  'services.check.steps.method': 'GET (default), HEAD or POST.',
  'services.check.steps.body': 'Body sent with a POST.',
  'services.check.steps.contentType': 'Content-Type of the body (default for a POST: application/x-www-form-urlencoded).',
  'services.check.steps.followRedirects':
    'Follow redirects (default true). False makes the redirect itself the answer: check its status and its "location" header.',
  'services.check.steps.expectStatus': 'HTTP status codes that count as success for this step (default "200-399").',
  'services.check.steps.keyword': "Text the step's page must contain.",
  'services.check.steps.expect': "JSON and header assertions on the step's answer, as for an http check.",
  'services.check.steps.expect.json': 'Assertions on the step\'s JSON body, as "expect.json" of an http check.',
  'services.check.steps.expect.headers': 'Headers the step\'s answer must carry, as "expect.headers" of an http check.',
  'services.check.tokenEnv':
    "Name of the environment variable that holds the service's secret token (at least 32 characters) on the web process. The service pushes POST /api/heartbeat/<token>.",
  'services.check.interval': 'Seconds between two beats of the service: a beat must arrive at least this often.',
  'services.check.grace':
    'Seconds of lateness tolerated after "interval" before a missing beat fails the check (default: a tenth of the interval, at least 60).',
};
