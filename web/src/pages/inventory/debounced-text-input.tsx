import { TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';

interface DebouncedTextInputProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  /** The applied value (from the URL); when it changes from outside (Back), the box follows it. */
  value: string;
  onSettle: (value: string) => void;
  delayMs?: number;
}

/** A text box that applies what is typed once typing pauses (or at once on Enter). */
export function DebouncedTextInput({ value, onSettle, delayMs = 300, ...props }: DebouncedTextInputProps) {
  const [text, setText] = useState(value);
  const [applied, setApplied] = useState(value);
  if (value !== applied) {
    // Changed from outside (Back, Reset): show it, unless it is what was just typed.
    setApplied(value);
    if (value !== text.trim()) setText(value);
  }
  const settle = useDebouncedCallback((next: string) => onSettle(next.trim()), delayMs);
  return (
    <TextInput
      {...props}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        settle(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          settle.flush();
        }
      }}
    />
  );
}
