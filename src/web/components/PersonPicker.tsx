import { Combobox, Field, Option } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PersonDto } from '../../contracts/api';
import type { ApiClient } from '../api-client/client';
import { searchPeople } from '../api-client/endpoints';
import { pickerHint } from './person-picker-hint';

interface Props {
  readonly api: ApiClient;
  readonly name: string;
  readonly label: string;
  readonly required: boolean;
  readonly error: string | undefined;
  readonly onSelect: (person: PersonDto | null) => void;
  /** Offer only the people this ticket may be assigned to (the API decides who). */
  readonly assignableTo?: string;
}

const describe = (p: PersonDto): string => `${p.name} (${p.upn})`;

/** Finds a person through the API's people search (never Graph from the browser). */
export function PersonPicker({ api, name, label, required, error, onSelect, assignableTo }: Props) {
  const [text, setText] = useState('');
  const [people, setPeople] = useState<readonly PersonDto[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);

  useEffect(() => {
    const term = text.trim();
    // The text of a chosen person is not a new search.
    if (term === chosen) return;
    if (term.length < 2) {
      setPeople([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      searchPeople(api, term, assignableTo)
        .then((page) => {
          if (!live) return;
          setPeople(page.items);
          setProblem(null);
          // Results arrive after typing has stopped: show them.
          setOpen(page.items.length > 0);
        })
        .catch((e: Error) => live && setProblem(e.message));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, text, chosen, assignableTo]);

  const hint = problem ?? pickerHint(text, people.length);
  return (
    <Field label={label} required={required} validationMessage={error} hint={hint}>
      <Combobox
        name={name}
        freeform
        inlinePopup
        open={open}
        onOpenChange={(_, d) => setOpen(d.open)}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onSelect(null);
        }}
        onOptionSelect={(_, d) => {
          const person = people.find((p) => p.id === d.optionValue) ?? null;
          setText(person ? describe(person) : '');
          setChosen(person ? describe(person) : null);
          onSelect(person);
          setOpen(false);
        }}
      >
        {people.map((p) => (
          <Option key={p.id} value={p.id} text={describe(p)}>
            {describe(p)}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}
