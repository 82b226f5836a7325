// The pre-authenticated download URL a drive item's content redirects to (no bearer token, as Graph's
// @microsoft.graph.downloadUrl): valid for an hour and for the version of the file it was made for.
import type { FastifyInstance } from 'fastify';
import type { DriveRepository } from './repository';
import { DOWNLOAD_PATH, type DownloadTokens } from './resource';

export function registerDownloadRoute(app: FastifyInstance, drive: DriveRepository, tokens: DownloadTokens): void {
  app.get<{ Querystring: { UniqueId?: string; tempauth?: string } }>(DOWNLOAD_PATH, async (request, reply) => {
    const { UniqueId: id, tempauth } = request.query;
    let row;
    try {
      row = id ? drive.byId(id) : undefined;
    } catch {
      row = undefined;
    }
    if (!row || row.is_folder || !tempauth || !tokens.verify(row, tempauth)) {
      return reply.code(401).type('application/json').send({ error: { code: 'unauthenticated', message: 'The download link is not valid, or it has expired, or the file has changed since. Ask Graph for the content again.' } });
    }
    return reply
      .header('Content-Type', row.mime ?? 'application/octet-stream')
      .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.name)}`)
      .header('ETag', `"{${row.guid.toUpperCase()}},${row.version}"`)
      .send(drive.content(row));
  });
}
