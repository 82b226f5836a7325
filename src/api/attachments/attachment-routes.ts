// POST /api/tickets/:number/attachments (raw body, X-File-Name), GET .../attachments, GET .../attachments/:id.
// Through the access table only: reading needs 'message.readReplies' on the ticket (its caller, analysts, its
// service owner, admins), attaching needs 'message.reply' (its caller, the assigned group, admins). A person who
// may not is refused before the body is read.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AttachmentDto } from '../../contracts/api';
import { authorize } from '../access/guard';
import type { ApiDependencies } from '../dependencies';
import { ApiError } from '../http/api-error';
import { apiErrorHandler } from '../http/error-handler';
import { signedIn } from '../routes/request';
import { loadTicket } from '../tickets/commands/run-command';
import type { StoredTicket } from '../tickets/ticket-repository';
import { isAttachmentService, type AttachmentService } from './attachment-service';
import { checkAttachment, checkSize, cleanFileName, MAX_ATTACHMENT_BYTES } from './policy';

type Params = { number: string };
const CLOSED = new Set(['Closed', 'Cancelled']);
const checked = new WeakMap<FastifyRequest, { stored: StoredTicket; by: { id: string; upn: string; name: string } }>();

function serviceOf(deps: ApiDependencies): AttachmentService {
  const service: unknown = deps.attachments;
  if (isAttachmentService(service)) return service;
  throw new ApiError(503, 'attachments_unavailable', 'Attachments are not set up on this server: no document library is configured for them.');
}

const nameOf = (request: FastifyRequest): string | undefined => {
  const header = request.headers['x-file-name'];
  return typeof header === 'string' ? header : undefined;
};

export function registerAttachmentRoutes(api: FastifyInstance, deps: ApiDependencies): void {
  void api.register(async (scope) => {
    // Uploads are raw bytes whatever their type; nothing else in this scope has a body.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES }, (_request, body, done) => done(null, body));
    scope.setErrorHandler((error, request, reply) => {
      const tooBig = (error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE';
      apiErrorHandler(tooBig ? tooLarge(request) : (error as Error), request, reply);
    });

    scope.post<{ Params: Params; Body: Buffer | undefined }>('/tickets/:number/attachments', {
      bodyLimit: MAX_ATTACHMENT_BYTES,
      // Refuse before reading up to 10 MB: who may attach, to which ticket, what file.
      onRequest: async (request) => {
        const actor = await signedIn(deps, request);
        const stored = await loadTicket(deps.tickets, request.params.number);
        authorize(actor, 'message.reply', stored.ticket);
        if (CLOSED.has(stored.ticket.state)) {
          throw new ApiError(409, 'ticket_closed', `${stored.ticket.number} is ${stored.ticket.state.toLowerCase()}; files can no longer be attached to it. Reply to it to raise a follow-up.`);
        }
        const name = cleanFileName(nameOf(request));
        const declared = Number(request.headers['content-length'] ?? 0);
        checkAttachment(name, Number.isFinite(declared) && declared > 0 ? declared : 1, request.headers['content-type']);
        checked.set(request, { stored, by: actor.person });
      },
    }, async (request, reply): Promise<{ attachment: AttachmentDto }> => {
      const { stored, by } = checked.get(request)!;
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const name = cleanFileName(nameOf(request));
      checkSize(name, bytes.length);
      const attachment = await serviceOf(deps).add(stored.ticket.number, { name, bytes }, by);
      void reply.status(201).header('location', attachment.downloadPath);
      return { attachment };
    });

    scope.get<{ Params: Params }>('/tickets/:number/attachments', async (request) => {
      const actor = await signedIn(deps, request);
      const stored = await loadTicket(deps.tickets, request.params.number);
      authorize(actor, 'message.readReplies', stored.ticket);
      return { items: await serviceOf(deps).list(stored.ticket.number) };
    });

    scope.get<{ Params: Params & { id: string } }>('/tickets/:number/attachments/:id', async (request, reply) => {
      const actor = await signedIn(deps, request);
      const stored = await loadTicket(deps.tickets, request.params.number);
      authorize(actor, 'message.readReplies', stored.ticket);
      const found = await serviceOf(deps).open(stored.ticket.number, request.params.id);
      if (!found) throw new ApiError(404, 'not_found', `${stored.ticket.number} has no attachment ${request.params.id}.`);
      return reply
        .header('content-type', found.attachment.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(found.attachment.name)}`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'private, no-store')
        .send(found.bytes);
    });
  });
}

function tooLarge(request: FastifyRequest): ApiError {
  let name = 'The file';
  try {
    name = `'${cleanFileName(nameOf(request))}'`;
  } catch {
    // No usable name: keep the generic one.
  }
  return new ApiError(413, 'attachment_too_large', `${name} is larger than ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB, the most an attachment may be.`);
}
