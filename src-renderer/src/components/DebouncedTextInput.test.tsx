import { Button } from '@mantine/core';
import { act, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeTransport } from '../test-utils/fake-transport';
import { renderWithProviders } from '../test-utils/render';
import { DebouncedTextInput } from './DebouncedTextInput';

/** The committed value lives outside the box, as the URL does in the app. */
function Harness({ onCommit }: { onCommit: (value: string) => void }) {
  const [value, setValue] = useState('');
  return (
    <>
      <DebouncedTextInput
        label="Search"
        value={value}
        onCommit={(next) => {
          onCommit(next);
          setValue(next);
        }}
      />
      <output aria-label="Committed">{value}</output>
      <Button onClick={() => setValue('')}>Clear</Button>
      <Button onClick={() => setValue('10.0.0.1')}>Preset</Button>
    </>
  );
}

const box = () => screen.getByLabelText('Search');
const typeText = (text: string) => fireEvent.change(box(), { target: { value: text } });

describe('DebouncedTextInput', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup() {
    const onCommit = vi.fn<(value: string) => void>();
    renderWithProviders(<Harness onCommit={onCommit} />, createFakeTransport({}));
    return onCommit;
  }

  it('commits at once when the box loses focus, before anything the click does', () => {
    const onCommit = setup();
    typeText('kisu');
    fireEvent.blur(box());
    expect(onCommit).toHaveBeenCalledExactlyOnceWith('kisu');
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(onCommit).toHaveBeenCalledOnce();
  });

  it('commits once typing pauses', () => {
    const onCommit = setup();
    typeText('r');
    typeText('ro');
    typeText('rou');
    act(() => {
      vi.advanceTimersByTime(249);
    });
    expect(onCommit).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(onCommit).toHaveBeenCalledExactlyOnceWith('rou');
  });

  it('commits at once on Enter', () => {
    const onCommit = setup();
    typeText('router');
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(onCommit).toHaveBeenCalledExactlyOnceWith('router');
  });

  it('keeps typing that follows its own commit', () => {
    const onCommit = setup();
    typeText('ab');
    act(() => {
      vi.advanceTimersByTime(250);
    });
    typeText('abc');
    expect(box()).toHaveValue('abc');
    act(() => {
      vi.advanceTimersByTime(250);
    });
    expect(onCommit.mock.calls).toEqual([['ab'], ['abc']]);
  });

  it('shows outside changes and drops a commit they overtook', () => {
    const onCommit = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Preset' }));
    expect(box()).toHaveValue('10.0.0.1');

    typeText('10.0.0.12');
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(box()).toHaveValue('');
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(onCommit).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Committed')).toBeEmptyDOMElement();
  });
});
