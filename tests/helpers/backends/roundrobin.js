// A load balancer in a few lines: each request goes to the next backend in turn.
// BACKENDS is a comma-separated list of ports on 127.0.0.1; prints {"port": N} when listening.
const http = require('http')

const ports = process.env.BACKENDS.split(',').map(Number)
let next = 0
const server = http.createServer((req, res) => {
  const port = ports[next]
  next = (next + 1) % ports.length
  const upstream = http.request(
    { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode, answer.headers)
      answer.pipe(res)
    }
  )
  upstream.on('error', () => { res.writeHead(502); res.end('Bad Gateway') })
  req.pipe(upstream)
})
server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ port: server.address().port }))
})
