// The built wizard, read once at start-up (renderer-assets.ts, shared with the kiosk's app:// protocol) and served
// from memory. Only the files the build produced exist: a request names one of them exactly or gets the product's
// 404. This replaced @fastify/static, which cost ~5 MB of memory and a slower start to serve three files.
import type { FastifyInstance } from 'fastify';
import { loadRendererAssets, type RendererAsset } from '../renderer-assets.js';

export const loadAssets = loadRendererAssets;

export function serveAssets(server: FastifyInstance, assets: Map<string, RendererAsset>): void {
  for (const [path, asset] of assets) {
    server.get(path, async (_req, reply) => reply.type(asset.type).send(asset.body));
  }
}
