import { t, useTranslation } from '../../i18n';
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

const PAPERS: readonly Paper[] = ['58mm', '80mm', 'A4'];

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
      .catch((error: unknown) => live && setPrinters({ problem: t('print.settings.noPrinters', { reason: errorMessage(error) }) }));
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
  const { t } = useTranslation();
  return (
    <section aria-labelledby="printing-title" className="settings-section">
      <h3 id="printing-title">{t('print.settings.title')}</h3>
      {stored ? <PrintForm stored={stored} /> : <p className="empty">{t('print.settings.loading')}</p>}
      {testNotice}
      <button type="button" onClick={testPrint}>
        {t('print.settings.test')}
      </button>
      <p className="hint">{t('print.settings.testHint')}</p>
    </section>
  );
}

function PrinterPicker({ printers, value, onChange }: { printers: Printers | null; value: string; onChange: (name: string) => void }) {
  const { t } = useTranslation();
  if (printers === null) return <p className="empty">{t('print.settings.looking')}</p>;
  if ('problem' in printers) return <p className="form-error">{printers.problem}</p>;
  if (!printers.silent) return <p className="hint">{t('print.settings.dialog')}</p>;
  const known = printers.printers.some((printer) => printer.name === value);
  return (
    <div className="field">
      <label htmlFor="slip-printer">{t('print.settings.printer')}</label>
      <select id="slip-printer" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('print.settings.defaultPrinter')}</option>
        {printers.printers.map((printer) => (
          <option key={printer.name} value={printer.name}>
            {printer.displayName}
          </option>
        ))}
        {value === '' || known ? null : <option value={value}>{t('print.settings.notConnected', { name: value })}</option>}
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
  const { t } = useTranslation();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setSaved(await action.run(() => savePrintSettings({ db, api }, { paper, printer, shopName, instructions })));
  };
  return (
    <form aria-label={t('print.settings.title')} noValidate onSubmit={(event) => void onSubmit(event)}>
      <fieldset className="choices choices-inline">
        <legend>{t('print.settings.paper')}</legend>
        {PAPERS.map((value) => (
          <label key={value} className="choice">
            <input type="radio" name="slip-paper" checked={paper === value} onChange={() => setPaper(value)} />
            {t(`print.settings.${value}`)}
          </label>
        ))}
      </fieldset>
      <PrinterPicker printers={printers} value={printer} onChange={setPrinter} />
      <Field label={t('print.settings.shopName')} value={shopName} hint={t('print.settings.shopNameHint')} onChange={setShopName} />
      <Field label={t('print.settings.instructions')} value={instructions} hint={t('print.settings.instructionsHint')} onChange={setInstructions} />
      <ActionError error={action.error} />
      {saved ? (
        <p role="status" className="saved">
          {t('print.settings.saved')}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={action.busy}>
        {t('print.settings.save')}
      </button>
    </form>
  );
}
