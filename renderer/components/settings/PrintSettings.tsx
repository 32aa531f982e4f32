import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { Paper, PrinterInfo } from '../../../shared/ipc/contract';
import { useServices } from '../../context';
import { savePrintSettings } from '../../commands';
import { errorMessage } from '../../errors';
import { readPrintSettings, type PrintSettings as Stored } from '../../storage/meta';
import type { TokenRow } from '../../storage/rows';
import { Field } from '../Field';
import { ActionError, useAction } from '../useAction';

const PAPER_LABELS: ReadonlyArray<readonly [Paper, string]> = [
  ['58mm', '58 mm receipt roll'],
  ['80mm', '80 mm receipt roll'],
  ['A4', 'A4 page'],
];

/** The sample a test print shows: a code of every kind of character a code has, never a real token. */
export function testSlipToken(now: number): TokenRow {
  return {
    localId: 'test-print',
    serverId: null,
    number: null,
    identifier: 'SAMPLE2345',
    authenticationCode: 'TEST2345ABCD6789',
    lifeCycleState: 'EFFECTIVE',
    participantNumber: null,
    participant: null,
    classificationName: null,
    serverCreatedDate: null,
    serverUpdatedDate: null,
    createdBy: null,
    updatedBy: null,
    confirmedAt: null,
    syncStatus: 'synced',
    lastError: null,
    searchKeys: [],
    stock: 0,
    createdAt: now,
    updatedAt: now,
  };
}

type Printers = { silent: boolean; printers: PrinterInfo[] } | { problem: string };

function usePrinters(): Printers | null {
  const { api } = useServices();
  const [printers, setPrinters] = useState<Printers | null>(null);
  useEffect(() => {
    let live = true;
    api
      .listPrinters({})
      .then((reply) => live && setPrinters(reply))
      .catch((error: unknown) => live && setPrinters({ problem: `The printers could not be listed. ${errorMessage(error)}` }));
    return () => {
      live = false;
    };
  }, [api]);
  return printers;
}

/** The paper, the printer, and what the slip says besides the token; `testPrint` prints a sample slip with what is saved. */
export function PrintSettings({ testPrint, testNotice }: { testPrint: () => void; testNotice: ReactNode }) {
  const { db } = useServices();
  // Read once: the form starts from what is stored and then holds what the operator types.
  const stored = useLiveQuery(() => readPrintSettings(db), [db]);
  return (
    <section aria-labelledby="printing-title" className="settings-section">
      <h3 id="printing-title">Receipt printing</h3>
      {stored ? <PrintForm stored={stored} /> : <p className="empty">Loading the printing settings…</p>}
      {testNotice}
      <button type="button" onClick={testPrint}>
        Test print
      </button>
      <p className="hint">The test slip is a sample, printed with the saved settings.</p>
    </section>
  );
}

function PrinterPicker({ printers, value, onChange }: { printers: Printers | null; value: string; onChange: (name: string) => void }) {
  if (printers === null) return <p className="empty">Looking for printers…</p>;
  if ('problem' in printers) return <p className="form-error">{printers.problem}</p>;
  if (!printers.silent) return <p className="hint">This window prints through the system’s print dialog: the printer is chosen there.</p>;
  const known = printers.printers.some((printer) => printer.name === value);
  return (
    <div className="field">
      <label htmlFor="slip-printer">Printer</label>
      <select id="slip-printer" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">This computer’s default printer</option>
        {printers.printers.map((printer) => (
          <option key={printer.name} value={printer.name}>
            {printer.displayName}
          </option>
        ))}
        {value === '' || known ? null : <option value={value}>{`${value} (not connected)`}</option>}
      </select>
    </div>
  );
}

function PrintForm({ stored }: { stored: Stored }) {
  const { db, api } = useServices();
  const action = useAction();
  const printers = usePrinters();
  const [paper, setPaper] = useState(stored.paper);
  const [printer, setPrinter] = useState(stored.printer);
  const [shopName, setShopName] = useState(stored.shopName);
  const [instructions, setInstructions] = useState(stored.instructions);
  const [saved, setSaved] = useState(false);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setSaved(await action.run(() => savePrintSettings({ db, api }, { paper, printer, shopName, instructions })));
  };
  return (
    <form aria-label="Receipt printing" noValidate onSubmit={(event) => void onSubmit(event)}>
      <fieldset className="choices choices-inline">
        <legend>Paper</legend>
        {PAPER_LABELS.map(([value, label]) => (
          <label key={value} className="choice">
            <input type="radio" name="slip-paper" checked={paper === value} onChange={() => setPaper(value)} />
            {label}
          </label>
        ))}
      </fieldset>
      <PrinterPicker printers={printers} value={printer} onChange={setPrinter} />
      <Field label="Shop name" value={shopName} hint="At the top of every slip (up to 40 characters). Empty: none." onChange={setShopName} />
      <Field label="Instructions" value={instructions} hint="A short text for the customer at the foot of every slip (up to 160 characters)." onChange={setInstructions} />
      <ActionError error={action.error} />
      {saved ? (
        <p role="status" className="saved">
          Printing settings saved
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={action.busy}>
        Save printing settings
      </button>
    </form>
  );
}
