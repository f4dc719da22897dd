// Signature endpoints for the endpoint-check tests, each behaving like a backend people run.
// MODE picks one; it listens on 127.0.0.1:PORT (0: any free port) and prints {"port": N}.
// The SDK key and secret come from the environment, never the command line.
//   sample   Zoom's meetingsdk-auth-endpoint-sample (src/index.js): express.json(), cors(),
//            validation errors as HTTP 400 {errors: [{property, reason}]}
//   forum    the forum thread's backend: KJUR.jws.JWS.sign with sdkKey only, iat now - 30
//   std64    header and payload and HMAC in standard base64, padding dropped (+ and / kept)
//   std64pad the same with the = padding kept
//   nocors   the sample without cors()
//   flaky    the sample, answering HTTP 500 to every third request
//   get      the sample's signing on GET /?meetingNumber=…&role=… (backends built that way)
// Every mode also answers POST /old with a 301 redirect to / and POST /moved with a 308.
// TLS_CERT and TLS_KEY (file paths) make it serve HTTPS; with AUTHORIZATION set, a request
// without that Authorization header gets HTTP 401; DELAY_MS makes every answer take that long.
const fs = require('fs')
const http = require('http')
const https = require('https')
const crypto = require('crypto')
const express = require('express')
const cors = require('cors')
const KJUR = require('jsrsasign')

const MODE = process.env.MODE || 'sample'
const KEY = process.env.SDK_KEY
const SECRET = process.env.SDK_SECRET
const app = express()

if (MODE !== 'nocors') {
  app.use(express.json(), cors())
  app.options('*', cors())
} else {
  app.use(express.json())
}

// The sample's validations (src/validations.js), in short.
function validate (body) {
  const errors = []
  const has = (k) => body[k] !== undefined
  if (has('role') && ![0, 1].includes(body.role)) {
    errors.push({ property: 'role', reason: 'Must be in [0, 1]' })
  }
  if (has('expirationSeconds') && !(body.expirationSeconds >= 1800 && body.expirationSeconds <= 172800)) {
    errors.push({ property: 'expirationSeconds', reason: 'Must be between 1800 and 172800' })
  }
  if (has('meetingNumber') !== has('role')) {
    errors.push({ property: 'meetingNumber, role', reason: 'Required all or none' })
  }
  return errors
}

function coerce (body) {
  const out = { ...body }
  for (const k of ['role', 'expirationSeconds']) {
    if (typeof out[k] === 'string') out[k] = parseInt(out[k])
  }
  return out
}

function sampleSign (body) {
  const { meetingNumber, role, expirationSeconds, videoWebRtcMode } = body
  const iat = Math.floor(Date.now() / 1000)
  const exp = expirationSeconds ? iat + expirationSeconds : iat + 60 * 60 * 2
  const payload = {
    appKey: KEY, sdkKey: KEY, mn: meetingNumber, role, iat, exp, tokenExp: exp, video_webrtc_mode: videoWebRtcMode
  }
  return KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(payload), SECRET)
}

function forumSign (body) {
  const iat = Math.round(new Date().getTime() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  const oPayload = { sdkKey: KEY, mn: body.meetingNumber, role: body.role, iat, exp, tokenExp: iat + 60 * 60 * 2 }
  return KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(oPayload), SECRET)
}

function std64Sign (body, keepPadding) {
  const b64 = (buf) => {
    const text = Buffer.from(buf).toString('base64')
    return keepPadding ? text : text.replace(/=+$/, '')
  }
  const iat = Math.floor(Date.now() / 1000)
  const exp = iat + 7200
  const payload = { appKey: KEY, sdkKey: KEY, mn: body.meetingNumber, role: body.role, iat, exp, tokenExp: exp }
  const input = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' })) + '.' + b64(JSON.stringify(payload))
  return input + '.' + b64(crypto.createHmac('sha256', SECRET).update(input).digest())
}

app.post('/old', (req, res) => res.redirect(301, '/'))
app.post('/moved', (req, res) => res.redirect(308, '/'))
app.get('/', (req, res) => {
  if (MODE !== 'get') return res.status(404).send('Cannot GET /')
  const body = coerce(req.query)
  const errors = validate(body)
  if (errors.length > 0) return res.status(400).json({ errors })
  return res.json({ signature: sampleSign(body), sdkKey: KEY })
})

let served = 0
app.post('/', async (req, res) => {
  served += 1
  if (process.env.DELAY_MS) await new Promise((resolve) => setTimeout(resolve, Number(process.env.DELAY_MS)))
  if (process.env.AUTHORIZATION && req.get('authorization') !== process.env.AUTHORIZATION) {
    return res.status(401).json({ message: 'Unauthorized' })
  }
  if (MODE === 'flaky' && served % 3 === 0) {
    return res.status(500).send('Internal Server Error')
  }
  const body = coerce(req.body || {})
  const errors = validate(body)
  if (errors.length > 0) return res.status(400).json({ errors })
  let signature
  if (MODE === 'forum') signature = forumSign(body)
  else if (MODE === 'std64') signature = std64Sign(body, false)
  else if (MODE === 'std64pad') signature = std64Sign(body, true)
  else signature = sampleSign(body)
  return res.json({ signature, sdkKey: KEY })
})

const server = process.env.TLS_CERT
  ? https.createServer({ cert: fs.readFileSync(process.env.TLS_CERT), key: fs.readFileSync(process.env.TLS_KEY) }, app)
  : http.createServer(app)
server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  console.log(JSON.stringify({ port: server.address().port }))
})
