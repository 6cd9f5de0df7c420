// A local OpenAI-compatible speech-to-text server (POST /v1/audio/transcriptions, multipart
// `file` + `model`): answers each request with the next scripted text and keeps what it got,
// so tests can assert the audio arrived in a format such endpoints take.
import { multipartFields, PlatformEmulator, type RecordedRequest } from './platform-base.ts';

export interface ReceivedAudio {
  model: string;
  language?: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
  authorization?: string;
}

export class FakeTranscription extends PlatformEmulator {
  private readonly script: string[] = [];
  readonly received: ReceivedAudio[] = [];

  constructor(opts: { apiKey?: string } = {}) {
    super();
    this.route('POST', '/v1/audio/transcriptions', (r: RecordedRequest) => {
      if (opts.apiKey && r.headers.authorization !== `Bearer ${opts.apiKey}`) return { status: 401, body: { error: { message: 'Incorrect API key provided' } } };
      const fields = multipartFields(r);
      const file = fields.find((f) => f.name === 'file');
      const model = fields.find((f) => f.name === 'model')?.data.toString('utf8');
      if (!file?.data.length || !model) return { status: 400, body: { error: { message: "'file' and 'model' are required" } } };
      this.received.push({
        model,
        language: fields.find((f) => f.name === 'language')?.data.toString('utf8'),
        filename: file.filename,
        contentType: file.contentType,
        data: file.data,
        authorization: r.headers.authorization,
      });
      const text = this.script.shift();
      if (text === undefined) return { status: 500, body: { error: { message: 'no scripted transcript left' } } };
      return { body: { text } };
    });
  }

  /** The texts the next requests are answered with, in order. */
  say(...texts: string[]): void {
    this.script.push(...texts);
  }

  /** The OPENAI_BASE_URL-style base (…/v1). */
  get baseUrl(): string {
    return `${this.url}/v1`;
  }
}
