/**
 * The parser remembers one-line placeholder bodies (`<Media omitted>`, `‎image omitted` …) and
 * what they were found to be, instead of running the system phrases and the classifier on each
 * repeat. What a message is must not depend on what came before it: each message of a log is
 * held to the same message parsed alone.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Message } from '../../src/parse/message.js';
import { parseChatText } from '../../src/parse/sync.js';

const LRM = '\u200e';
const OPTIONS = { dateOrder: 'dmy', language: 'en', utcOffsetMinutes: 0 } as const;

/** Bodies that repeat word for word, the same first lines with more lines, and look-alikes. */
const BODIES = [
  '<Media omitted>',
  '<Media omitted>\nand a second line',
  '<Media omitted>\nand a caption <This message was edited>',
  `${LRM}image omitted`,
  `${LRM}image omitted\n${LRM}image omitted`,
  `${LRM}video omitted`,
  'This message was deleted',
  'You deleted this message',
  'Missed voice call',
  'null',
  'null\nnot null',
  'Ana left',
  'Ana <Media omitted>',
  `${LRM}Ana added Bob`,
  'Hello there',
];
const AUTHORS = ['Ana', 'Bob', null] as const;

/** What a message was found to be (all but where it is and when). */
function reading(message: Message) {
  const { kind, system, flags, attachment, mediaType, language, author, text } = message;
  return { kind, system, flags, attachment, mediaType, language, author, text };
}

function lineOf(index: number, author: string | null, body: string): string {
  const minute = String(index % 60).padStart(2, '0');
  return `10/03/2022, 11:${minute} - ${author === null ? '' : `${author}: `}${body}`;
}

describe('remembered placeholders', () => {
  test.prop(
    [
      fc.array(fc.tuple(fc.constantFrom(...AUTHORS), fc.constantFrom(...BODIES)), {
        minLength: 1,
        maxLength: 30,
      }),
    ],
    { numRuns: 300 },
  )('leave every message as it reads alone', (picks) => {
    const lines = picks.map(([author, body], index) => lineOf(index, author, body));
    const { messages } = parseChatText(`${lines.join('\n')}\n`, OPTIONS);
    expect(messages).toHaveLength(picks.length);
    messages.forEach((message, index) => {
      const alone = parseChatText(`${lines[index]}\n`, OPTIONS).messages;
      expect(alone).toHaveLength(1);
      expect(reading(message), lines[index]).toEqual(reading(alone[0] as Message));
    });
  });
});
