import { Mark } from '@mantine/core';
import { useMemo } from 'react';
import { splitHighlights } from './highlight';

/** Text with the search terms marked; rendered as React text nodes, so nothing is markup. */
export function HighlightedText({ text, terms }: { text: string; terms: readonly string[] }) {
  const segments = useMemo(() => splitHighlights(text, terms), [text, terms]);
  return segments.map((segment, i) =>
    segment.match ? (
      <Mark key={i} color="yellow">
        {segment.text}
      </Mark>
    ) : (
      segment.text
    ),
  );
}
