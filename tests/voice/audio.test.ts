// The in-process audio handling of voice notes on the generated fixtures: AMR-NB decoded to PCM
// (the codec from the registry, no system ffmpeg), formats told by their bytes, playing times
// read from the containers, and what an OpenAI-compatible endpoint is sent.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { amrDurationMs, decodeAmr, encodeAmr } from '../../src/voice/amr.ts';
import { audioDurationMs, sniffAudio } from '../../src/voice/audio.ts';
import { TranscriptionError, uploadableAudio } from '../../src/voice/transcribe.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/voice');
const AMR = readFileSync(join(FIXTURES, 'visit-note.amr'));
const OGG = readFileSync(join(FIXTURES, 'visit-note.ogg'));

describe('voice audio', () => {
  it('tells formats by their first bytes', () => {
    expect(sniffAudio(AMR)).toBe('amr');
    expect(sniffAudio(OGG)).toBe('ogg');
    expect(sniffAudio(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toBe('wav');
    expect(sniffAudio(Buffer.from('\0\0\0\x18ftypM4A '))).toBe('m4a');
    expect(sniffAudio(Buffer.from('hello world!'))).toBe('unknown');
  });

  it('decodes the AMR fixture to speech as long as its frames say, and both containers agree on the length', () => {
    const pcm = decodeAmr(AMR);
    const ms = amrDurationMs(AMR);
    expect(pcm.length).toBe((ms / 1000) * 8000);
    let peak = 0;
    for (const s of pcm) peak = Math.max(peak, Math.abs(s));
    expect(peak).toBeGreaterThan(3000);
    // The same sentence, encoded both ways by generate.sh: the Ogg Opus lasts as long within 100 ms.
    expect(Math.abs((audioDurationMs(OGG) ?? 0) - ms)).toBeLessThan(100);
    expect(ms).toBeGreaterThan(3000);
  });

  it('round-trips PCM through the AMR encoder', () => {
    const tone = new Int16Array(8000).map((_, i) => Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 8000)));
    const amr = encodeAmr(tone);
    // The encoder keeps whole 20 ms frames (the last may be cut).
    const ms = amrDurationMs(amr);
    expect(ms).toBeGreaterThanOrEqual(980);
    expect(ms).toBeLessThanOrEqual(1000);
    expect(decodeAmr(amr).length).toBe(ms * 8);
  });

  it('sends AMR as WAV, passes Ogg through, and refuses what it cannot read', () => {
    expect(uploadableAudio(AMR)).toMatchObject({ name: 'voice.wav', type: 'audio/wav' });
    const ogg = uploadableAudio(OGG);
    expect(ogg).toMatchObject({ name: 'voice.ogg', type: 'audio/ogg' });
    expect(ogg.bytes.equals(OGG)).toBe(true);
    expect(() => uploadableAudio(Buffer.from('not audio at all'))).toThrow(TranscriptionError);
    expect(() => decodeAmr(Buffer.from('#!AMR-WB\n...'))).toThrow();
  });
});
