import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RovingList } from '../../../src/renderer/components/controls/RovingList';

const ROWS = ['Kitchen lights', 'Front door', 'Blinds'];

function setup() {
  const user = userEvent.setup();
  render(
    <>
      <button type="button">before</button>
      <RovingList
        label="Favourites"
        items={ROWS}
        itemKey={(name) => name}
        itemLabel={(name) => `${name}: On`}
        renderItem={(name) =>
          name === 'Blinds' ? (
            <input type="range" aria-label="Blinds position" defaultValue={50} />
          ) : name === 'Front door' ? (
            <input type="checkbox" role="switch" aria-label="Front door lock" />
          ) : (
            <button type="button">{`Toggle ${name}`}</button>
          )
        }
      />
      <button type="button">after</button>
    </>,
  );
  const row = (name: string) => screen.getByRole('listitem', { name: `${name}: On` });
  return { user, row };
}

describe('RovingList', () => {
  it('its rows are one Tab stop; arrows, Home and End move between rows; Tab goes into the row', async () => {
    const { user, row } = setup();
    await user.click(screen.getByRole('button', { name: 'before' }));
    await user.tab();
    expect(row('Kitchen lights')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(row('Front door')).toHaveFocus();
    await user.keyboard('{End}');
    expect(row('Blinds')).toHaveFocus();
    await user.keyboard('{Home}{ArrowUp}');
    expect(row('Kitchen lights')).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Toggle Kitchen lights' })).toHaveFocus();
  });

  it('moves between rows from any control in a row that has no use for the arrows (a switch)', async () => {
    const { user, row } = setup();
    screen.getByRole('button', { name: 'Toggle Kitchen lights' }).focus();
    await user.keyboard('{ArrowDown}');
    expect(row('Front door')).toHaveFocus();
    screen.getByRole('switch', { name: 'Front door lock' }).focus();
    await user.keyboard('{ArrowDown}');
    expect(row('Blinds')).toHaveFocus();
    screen.getByRole('switch', { name: 'Front door lock' }).focus();
    await user.keyboard('{ArrowUp}');
    expect(row('Kitchen lights')).toHaveFocus();
  });

  it('comes back to the row last visited, and leaves with one Tab', async () => {
    const { user, row } = setup();
    await user.click(screen.getByRole('button', { name: 'before' }));
    await user.tab();
    await user.keyboard('{ArrowDown}');
    await user.tab({ shift: true });
    await user.tab();
    expect(row('Front door')).toHaveFocus();
  });

  it('leaves the arrow keys to a slider inside a row', async () => {
    const { user, row } = setup();
    const slider = screen.getByRole('slider', { name: 'Blinds position' });
    await user.click(slider);
    slider.focus();
    await user.keyboard('{ArrowUp}');
    expect(slider).toHaveFocus();
    expect(row('Front door')).not.toHaveFocus();
  });
});

describe('RovingList activation', () => {
  it('Space on a row runs its main action, Enter opens it; keys on a control in the row do neither', async () => {
    const user = userEvent.setup();
    const done: string[] = [];
    render(
      <RovingList
        label="Favourites"
        items={ROWS}
        itemKey={(name) => name}
        itemLabel={(name) => `${name}: On`}
        renderItem={(name) => <button type="button">{`Toggle ${name}`}</button>}
        onActivate={(name) => done.push(`activate ${name}`)}
        onOpen={(name) => done.push(`open ${name}`)}
      />,
    );
    screen.getByRole('listitem', { name: 'Front door: On' }).focus();
    await user.keyboard('{Enter}');
    screen.getByRole('listitem', { name: 'Blinds: On' }).focus();
    await user.keyboard(' ');
    screen.getByRole('button', { name: 'Toggle Kitchen lights' }).focus();
    await user.keyboard('{Enter}');
    expect(done).toEqual(['open Front door', 'activate Blinds']);
  });
});

describe('RovingList in sections', () => {
  it('draws each section under its heading as a list named by it; the arrows cross sections', async () => {
    const user = userEvent.setup();
    render(
      <RovingList
        label="Favourites"
        items={ROWS}
        sections={[
          { key: 'g', heading: 'Ground floor', items: ['Kitchen lights', 'Front door'] },
          { key: 'f', heading: 'First floor', items: ['Blinds'] },
        ]}
        itemKey={(name) => name}
        itemLabel={(name) => `${name}: On`}
        renderItem={(name) => <button type="button">{`Toggle ${name}`}</button>}
      />,
    );
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Ground floor',
      'First floor',
    ]);
    const first = screen.getByRole('list', { name: 'First floor' });
    expect(first).toContainElement(screen.getByRole('listitem', { name: 'Blinds: On' }));
    expect(screen.getByRole('list', { name: 'Favourites' })).toContainElement(first);
    // One Tab stop for all of them.
    expect(
      screen
        .getAllByRole('listitem')
        .filter((li) => li.tabIndex === 0)
        .map((li) => li.getAttribute('aria-label')),
    ).toEqual(['Kitchen lights: On']);

    screen.getByRole('listitem', { name: 'Kitchen lights: On' }).focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(screen.getByRole('listitem', { name: 'Blinds: On' })).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('listitem', { name: 'Front door: On' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByRole('listitem', { name: 'Blinds: On' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(screen.getByRole('listitem', { name: 'Kitchen lights: On' })).toHaveFocus();
  });

  it('keeps focus on its row when sections come, and takes none back once the user left', async () => {
    const user = userEvent.setup();
    const list = (sections: boolean) => (
      <>
        <RovingList
          label="Favourites"
          items={ROWS}
          sections={sections ? [{ key: 'all', heading: 'Ground floor', items: ROWS }] : null}
          itemKey={(name) => name}
          itemLabel={(name) => `${name}: On`}
          renderItem={(name) => name}
        />
        <button type="button">after</button>
      </>
    );
    const { rerender } = render(list(false));
    const row = (name: string) => screen.getByRole('listitem', { name: `${name}: On` });
    row('Front door').focus();
    rerender(list(true));
    expect(row('Front door')).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'after' }));
    rerender(list(false));
    expect(screen.getByRole('button', { name: 'after' })).toHaveFocus();
  });
});
