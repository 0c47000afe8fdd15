// A real tus 1.0 server nobody here wrote: @tus/server with @tus/file-store.
// Usage: node server.mjs <port|0> <directory>. Listens on 127.0.0.1, prints the port.
import { Server } from '@tus/server'
import { FileStore } from '@tus/file-store'
import http from 'node:http'

const port = Number(process.argv[2] ?? 0)
const directory = process.argv[3] ?? './uploads'
const tus = new Server({ path: '/files', datastore: new FileStore({ directory }) })
const server = http.createServer((req, res) => tus.handle(req, res))
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`${server.address().port}\n`)
})
