/**
 * The attacker of `bench:hardening`, in its own process so its work does not slow the measuring
 * client: two connections posting `body` to the sign-in form in a loop until killed.
 * `node test/bench/form-attacker.ts <base url> review|capped`.
 */
const [base = '', kind = 'review'] = process.argv.slice(2);
/** The review's body (524,000 bytes), or as many value-less fields as the sign-in cap holds. */
const body = new TextEncoder().encode(kind === 'review' ? 'a&'.repeat(262_000) : 'a&'.repeat(8 * 1024 - 1));
const headers = { origin: base, 'content-type': 'application/x-www-form-urlencoded' };
for (let i = 0; i < 2; i++) {
  void (async () => {
    for (;;) {
      await fetch(`${base}/admin/login`, { method: 'POST', headers, body })
        .then((r) => r.arrayBuffer())
        .catch(() => null);
    }
  })();
}
