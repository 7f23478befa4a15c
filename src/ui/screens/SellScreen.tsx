import { useNavigate } from '@solidjs/router';
import { createMemo, createSignal, Match, onCleanup, onMount, Show, Switch } from 'solid-js';
import type { JSX } from 'solid-js';
import { currentStaff } from '../../commands/session.ts';
import {
  addProduct, attachCustomer, cartSummary, DEFAULT_DISCOUNT_THRESHOLD_BP, itemByKey, removeLine, setQuantity, unitCount, type CartItem,
} from '../../domain/cart.ts';
import type { SaleDoc, Tender } from '../../domain/documents.ts';
import { completeSale, parkSale, resumeParkedSale, voidSale } from '../actions.ts';
import { cartStore } from '../cart-store.ts';
import { CustomerPicker } from '../components/CustomerPicker.tsx';
import { CartView } from '../components/CartView.tsx';
import { DiscountDialog } from '../components/DiscountDialog.tsx';
import { requestManagerOverride } from '../components/ManagerOverride.tsx';
import { ParkedSales } from '../components/ParkedSales.tsx';
import { QuickProduct } from '../components/QuickProduct.tsx';
import { ReceiptPanel } from '../components/ReceiptPanel.tsx';
import { TenderPanel } from '../components/TenderPanel.tsx';
import { TextPrompt } from '../components/TextPrompt.tsx';
import { currency, t } from '../i18n/index.ts';
import { errorMessage } from '../reactive.ts';
import { describeRefusal } from '../refusals.ts';
import { session } from '../session.ts';
import { applyCartDiscount, applyLineChange } from '../sell-flows.ts';
import type { ProductRow } from '../types.ts';
import { ProductSearch, type SearchHandle } from './ProductSearch.tsx';
import { CounterPeripherals } from '../components/CounterPeripherals.tsx';
import '../styles/counter.css';

type Dialog =
  | { kind: 'discount'; key: number | null }
  | { kind: 'park' }
  | { kind: 'void' }
  | { kind: 'parked' }
  | { kind: 'quick'; barcode: string };
type PayMode = 'cash' | 'card' | 'voucher';
type Flash = { kind: 'info' | 'error' | 'no-shift'; text: string };

export default function SellScreen(): JSX.Element {
  const navigate = useNavigate();
  let search: SearchHandle | undefined;
  const cart = cartStore.currentCart;
  const [selected, setSelected] = createSignal<number>(-1);
  const [paying, setPaying] = createSignal<PayMode | null>(null);
  const [receipt, setReceipt] = createSignal<SaleDoc | null>(null);
  const [dialog, setDialog] = createSignal<Dialog | null>(null);
  const [flash, setFlash] = createSignal<Flash | null>(null);
  const [parkedError, setParkedError] = createSignal<string | null>(null);

  const settings = () => session.settings.value();
  const threshold = (): number => settings()?.discountThresholdBp ?? DEFAULT_DISCOUNT_THRESHOLD_BP;
  const summary = createMemo(() => cartSummary(cart(), { currency: currency(), thresholdBp: threshold() }));
  const due = () => {
    const s = summary();
    return s.ok ? s.value.gross : null;
  };
  const canPay = (): boolean => cart().items.length > 0 && summary().ok && paying() === null && receipt() === null && dialog() === null;
  const focusSearch = (select = false): void => queueMicrotask(() => search?.focus(select));

  function add(product: ProductRow): void {
    cartStore.update((c) => addProduct(c, product));
    const items = cartStore.currentCart().items;
    setSelected(items.find((i) => i.product.sku === product.sku && i.quantity > 0)?.key ?? -1);
    setFlash(null);
    focusSearch();
  }

  function changeQuantity(item: CartItem, delta: number): void {
    cartStore.update((c) => setQuantity(c, item.key, Math.max(1, Math.abs(item.quantity) + delta)));
    setSelected(item.key);
  }

  function remove(item: CartItem): void {
    cartStore.update((c) => removeLine(c, item.key));
    const left = cartStore.currentCart().items;
    setSelected(left.at(-1)?.key ?? -1);
    focusSearch();
  }

  function newSale(): void {
    setReceipt(null);
    setPaying(null);
    cartStore.clear();
    setSelected(-1);
    search?.clear();
    focusSearch();
  }

  function closeDialog(): void {
    setDialog(null);
    focusSearch();
  }

  async function pay(tenders: Tender[]): Promise<string | null> {
    try {
      const result = await completeSale({ cart: cart(), tenders });
      if (!result.ok) {
        if (result.error.kind === 'no_open_shift') {
          setPaying(null);
          setFlash({ kind: 'no-shift', text: t().counter.shift.noOpenShiftBody });
          return null;
        }
        if (result.error.kind === 'not_signed_in') return t().counter.shift.notSignedIn;
        return t().tender.refused(describeRefusal(result.error));
      }
      setPaying(null);
      setReceipt(result.value);
      return null;
    } catch (e) {
      return t().errors.unexpected(errorMessage(e));
    }
  }

  async function park(label: string): Promise<string | null> {
    const r = await parkSale({ cart: cart(), label });
    if (!r.ok) return describeRefusal(r.error);
    cartStore.clear();
    setDialog(null);
    setFlash({ kind: 'info', text: t().counter.park.parked(r.value.label || '—') });
    focusSearch();
    return null;
  }

  async function resume(id: string): Promise<void> {
    if (!cartStore.isEmpty()) return void setParkedError(t().counter.park.cartNotEmpty);
    const r = await resumeParkedSale(id);
    if (!r.ok) return void setParkedError(r.error.kind === 'already_resumed' ? t().counter.park.alreadyResumed : describeRefusal(r.error));
    cartStore.loadCart(r.value);
    setParkedError(null);
    closeDialog();
  }

  async function voidCurrent(reason: string): Promise<string | null> {
    const override = await requestManagerOverride('void', { message: reason, reason });
    if (override === null) return t().counter.line.managerRefused;
    const r = await voidSale({ cart: cart(), reason, overrideId: override._id });
    if (!r.ok) return describeRefusal(r.error);
    cartStore.clear();
    setDialog(null);
    setFlash({ kind: 'info', text: t().counter.void.done });
    focusSearch();
    return null;
  }

  async function unknownCode(_code: string): Promise<boolean> {
    const staff = await currentStaff().catch(() => null);
    return staff?.role === 'manager';
  }

  function onKey(e: KeyboardEvent): void {
    if (dialog() !== null || paying() !== null) return;
    const payKeys: Record<string, PayMode> = { F4: 'cash', F6: 'card', F7: 'voucher' };
    const mode = payKeys[e.key];
    if (mode) {
      e.preventDefault();
      if (canPay()) setPaying(mode);
      return;
    }
    if (e.key === 'F2') {
      e.preventDefault();
      if (receipt()) newSale();
      else focusSearch(true);
      return;
    }
    if (e.key === 'Escape' && receipt()) {
      e.preventDefault();
      newSale();
      return;
    }
    if (receipt()) return;
    const plus = e.key === '+' || e.code === 'NumpadAdd';
    const minus = e.key === '-' || e.key === '−' || e.code === 'NumpadSubtract';
    if (!plus && !minus) return;
    // In a field with text, + and - are characters (SKUs have dashes); otherwise they edit the line.
    if (e.target instanceof HTMLInputElement && e.target.value !== '') return;
    const item = itemByKey(cart(), selected());
    if (!item) return;
    e.preventDefault();
    changeQuantity(item, plus ? 1 : -1);
  }

  onMount(() => {
    window.addEventListener('keydown', onKey);
    focusSearch();
  });
  onCleanup(() => window.removeEventListener('keydown', onKey));

  const editedItem = (): CartItem | null => {
    const d = dialog();
    return d?.kind === 'discount' && d.key !== null ? (itemByKey(cart(), d.key) ?? null) : null;
  };

  return (
    <div class="sell">
      <ProductSearch ref={(h) => (search = h)} onAdd={add} mayCreate={unknownCode} onQuickProduct={(barcode) => setDialog({ kind: 'quick', barcode })} />

      <section class="sell-right" aria-label={t().sell.cart}>
        <div class="cart-head">
          <h2>{t().sell.cart}</h2>
          <span class="muted">{t().sell.items(unitCount(cart()))}</span>
          <button type="button" class="btn secondary" data-testid="parked-list" onClick={() => { setParkedError(null); setDialog({ kind: 'parked' }); }}>
            {t().counter.park.list}
          </button>
          {/* H5b: scanners feed the cart through the scan stream; camera + customer display buttons. */}
          <CounterPeripherals onProduct={(p) => { if (receipt()) newSale(); add(p); }} enabled={() => dialog() === null && paying() === null} sale={receipt} />
        </div>
        <CustomerPicker customerId={cart().customerId} onPick={(id) => cartStore.update((c) => attachCustomer(c, id))} />
        <Show when={flash()}>
          {(f) => (
            <div class="banner" classList={{ warning: f().kind === 'no-shift', error: f().kind === 'error' }} role="alert" data-testid={f().kind === 'no-shift' ? 'no-open-shift' : 'sell-flash'}>
              <Show when={f().kind === 'no-shift'}><strong>{t().counter.shift.noOpenShift}</strong> </Show>
              {f().text}
              <Show when={f().kind === 'no-shift'}>
                <button type="button" class="btn primary" data-testid="no-open-shift-go" onClick={() => navigate('/shift')}>{t().counter.shift.openShift}</button>
              </Show>
            </div>
          )}
        </Show>
        <CartView cart={cart()} summary={summary()} selected={selected()} onSelect={setSelected} onQuantity={changeQuantity} onRemove={remove}
          onEdit={(item) => setDialog({ kind: 'discount', key: item.key })} />
        <div class="sell-actions">
          <button type="button" class="btn secondary" data-testid="discount-cart" disabled={cart().items.length === 0} onClick={() => setDialog({ kind: 'discount', key: null })}>
            % {t().counter.line.cartDiscount}
          </button>
          <button type="button" class="btn secondary" data-testid="park-sale" disabled={cart().items.length === 0} onClick={() => setDialog({ kind: 'park' })}>
            {t().counter.park.park}
          </button>
          <button type="button" class="btn secondary danger" data-testid="void-sale" disabled={cart().items.length === 0} onClick={() => setDialog({ kind: 'void' })}>
            {t().counter.void.void}
          </button>
          <button type="button" class="btn primary big pay" data-testid="pay-cash" disabled={!canPay()} onClick={() => setPaying('cash')}>
            {t().sell.payCash} <kbd>F4</kbd>
          </button>
        </div>
      </section>

      <Show when={paying() !== null && due() !== null}>
        <TenderPanel due={due()!} currency={currency()} otherTenders={settings()?.otherTenders ?? []} initialMode={paying() ?? 'cash'} onComplete={pay}
          onCancel={() => { setPaying(null); focusSearch(); }} />
      </Show>

      <Switch>
        <Match when={dialog()?.kind === 'discount'}>
          <DiscountDialog item={editedItem()} current={editedItem() ? editedItem()!.discount : cart().discount} currency={currency()} onCancel={closeDialog}
            onApply={async (change) => {
              const item = editedItem();
              const next = item ? await applyLineChange(cart(), item.key, change, threshold()) : await applyCartDiscount(cart(), change.discount, threshold());
              if (next === null) setFlash({ kind: 'error', text: t().counter.line.managerRefused });
              else cartStore.loadCart(next);
              closeDialog();
            }} />
        </Match>
        <Match when={dialog()?.kind === 'park'}>
          <TextPrompt title={t().counter.park.park} label={t().counter.park.label} placeholder={t().counter.park.labelPlaceholder} inputTestId="park-label" confirmTestId="park-confirm"
            confirmLabel={t().counter.park.confirm} onConfirm={park} onCancel={closeDialog} />
        </Match>
        <Match when={dialog()?.kind === 'void'}>
          <TextPrompt title={t().counter.void.title} label={t().counter.void.reason} placeholder={t().counter.void.reasonPlaceholder} inputTestId="void-reason" confirmTestId="void-confirm"
            confirmLabel={t().counter.void.confirm} danger requiredMessage={t().counter.void.needsReason} onConfirm={voidCurrent} onCancel={closeDialog} />
        </Match>
        <Match when={dialog()?.kind === 'parked'}>
          <ParkedSales onResume={(id) => void resume(id)} onClose={closeDialog} error={parkedError()} />
        </Match>
        <Match when={(() => { const d = dialog(); return d?.kind === 'quick' ? d : null; })()} keyed>
          {(d) => <QuickProduct barcode={d.barcode} onCancel={closeDialog} onCreated={(p) => { closeDialog(); search?.clear(); add(p); }} />}
        </Match>
      </Switch>

      <Show when={receipt()}>
        {(sale) => <ReceiptPanel sale={sale()} primaryLabel={t().receipt.newSale} primaryTestId="new-sale" onPrimary={newSale} />}
      </Show>
    </div>
  );
}
