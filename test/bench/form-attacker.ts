/**
 * The attacker of `bench:hardening`, in its own process so its work does not slow the measuring
 * client: two connections posting `body` to the sign-in form in a loop until killed, either as
 * fast as they can (`flood`) or at the review's rate (`review-rate`: the two together offer
 * 0.5 MB/s, one 524 KB post a second, as in security review F1). Prints the posts answered so far,
 * one line every 200 ms. `node test/bench/form-attacker.ts <base url> review|capped flood|review-rate`.
 */
const [base = '', kind = 'review', pace = 'flood'] = process.argv.slice(2);
/** The review's body (524,000 bytes), or as many value-less fields as the sign-in cap holds. */
const body = new TextEncoder().encode(kind === 'review' ? 'a&'.repeat(262_000) : 'a&'.repeat(8 * 1024 - 1));
const headers = { origin: base, 'content-type': 'application/x-www-form-urlencoded' };
/** Each connection's time per post at 0.25 MB/s, half the review's 0.5 MB/s. */
const pacedMs = pace === 'review-rate' ? (body.length / 250_000) * 1000 : 0;
let posts = 0;
setInterval(() => process.stdout.write(`${posts}\n`), 200);
for (let i = 0; i < 2; i++) {
  void (async () => {
    for (;;) {
      const started = performance.now();
      await fetch(`${base}/admin/login`, { method: 'POST', headers, body })
        .then((r) => r.arrayBuffer())
        .catch(() => null);
      posts += 1;
      const wait = pacedMs - (performance.now() - started);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  })();
}
