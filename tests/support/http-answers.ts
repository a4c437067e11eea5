/**
 * HTTP answers as the concurrency tests tally them: many parallel requests, then how many got
 * which status and code. A body that is not JSON is kept as text, and the assertions on status
 * say what happened.
 */
export type Answer = { status: number; body: unknown; text: string };

export async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: kept as text.
  }
  return { status: response.status, body, text };
}

export function tally(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

export const errorCodeOf = (answer: Answer) => (answer.body && typeof answer.body === 'object' ? String((answer.body as { code?: unknown }).code) : `non-JSON ${answer.text.slice(0, 80)}`);
