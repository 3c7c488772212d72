// api.md:node:start
const crypto = require('node:crypto');

// Whether a delivery is genuine: signed with the secret, at most 5 minutes from now.
// rawBody is the request's body as received (a Buffer), before any JSON parsing.
function verify(signatureHeader, rawBody, secret, nowEpochSeconds = Math.floor(Date.now() / 1000)) {
  let t = -1;
  const signatures = [];
  for (const part of signatureHeader.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && /^[0-9]{1,12}$/.test(value)) t = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (t < 0 || Math.abs(nowEpochSeconds - t) > 300) return false; // a replay, or clocks far apart
  const expected = crypto.createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest();
  return signatures.some((s) => crypto.timingSafeEqual(expected, Buffer.from(s, 'hex')));
}
// api.md:node:end

// The test's harness: one JSON object a line on stdin ({header, body_base64, secret, now}), true or false out.
const lines = require('node:fs').readFileSync(0, 'utf8').split('\n').filter((line) => line.trim());
for (const line of lines) {
  const c = JSON.parse(line);
  console.log(verify(c.header, Buffer.from(c.body_base64, 'base64'), c.secret, c.now));
}
