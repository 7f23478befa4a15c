import { Navigate, Route, Router, useLocation, useNavigate } from '@solidjs/router';
import type { RouteSectionProps } from '@solidjs/router';
import { createEffect, lazy, Match, Show, Switch } from 'solid-js';
import type { JSX } from 'solid-js';
import { Header } from './components/Header.tsx';
import { ShortcutHelp } from './components/ShortcutHelp.tsx';
import { t } from './i18n/index.ts';
import { registerLockState } from './register-lock.ts';
import { currentPairing } from './session.ts';
import LockedScreen from './screens/LockedScreen.tsx';
import PairScreen from './screens/PairScreen.tsx';
import SellScreen from './screens/SellScreen.tsx';
import SignInScreen from './screens/SignInScreen.tsx';
import { signedInStaff } from './staff-state.ts';

// Secondary screens load on demand; their chunks are precached by the service worker all the same.
const SalesScreen = lazy(() => import('./screens/SalesScreen.tsx'));
const OrdersScreen = lazy(() => import('./screens/OrdersScreen.tsx'));
const ImportScreen = lazy(() => import('./screens/ImportScreen.tsx'));
const OrderDetailScreen = lazy(() => import('./screens/OrderDetailScreen.tsx'));
const SyncScreen = lazy(() => import('./screens/SyncScreen.tsx'));
const ShiftScreen = lazy(() => import('./screens/ShiftScreen.tsx'));
const ReturnScreen = lazy(() => import('./screens/ReturnScreen.tsx'));
const DevicesScreen = lazy(() => import('./screens/DevicesScreen.tsx'));
const JournalScreen = lazy(() => import('./screens/JournalScreen.tsx'));
const CustomersScreen = lazy(() => import('./screens/CustomersScreen.tsx'));
const InvoiceScreen = lazy(() => import('./screens/InvoiceScreen.tsx'));
const ReportsScreen = lazy(() => import('./screens/ReportsScreen.tsx'));
const ReconcileShiftsScreen = lazy(() => import('./screens/ReconcileShiftsScreen.tsx'));
// Issue 7: products and stock screens.
const ProductsScreen = lazy(() => import('./screens/ProductsScreen.tsx'));
const ProductEditScreen = lazy(() => import('./screens/ProductEditScreen.tsx'));
const StockScreen = lazy(() => import('./screens/StockScreen.tsx'));
const StockTakeScreen = lazy(() => import('./screens/StockTakeScreen.tsx'));
const ReceivingScreen = lazy(() => import('./screens/ReceivingScreen.tsx'));
const TransferScreen = lazy(() => import('./screens/TransferScreen.tsx'));

function Splash(): JSX.Element {
  return (
    <main class="splash" aria-busy="true">
      <span class="spinner big" aria-hidden="true" />
      <p>{t().loading}</p>
    </main>
  );
}

/**
 * Root layout: the register lock decides whether this tab runs the register at all; then an unpaired
 * register is sent to /pair from every route, and a paired one never sees /pair again.
 */
function Shell(props: RouteSectionProps): JSX.Element {
  const navigate = useNavigate();
  const location = useLocation();
  const onPair = (): boolean => location.pathname === '/pair';

  createEffect(() => {
    if (registerLockState() !== 'owner') return;
    const pairing = currentPairing();
    if (pairing === undefined) return;
    if (pairing === null && !onPair()) navigate('/pair', { replace: true });
    else if (pairing !== null && onPair()) navigate('/', { replace: true });
  });

  const allowed = (): boolean => {
    const pairing = currentPairing();
    if (pairing === undefined) return false;
    return pairing === null ? onPair() : !onPair();
  };

  return (
    <Switch fallback={<Splash />}>
      <Match when={registerLockState() === 'elsewhere'}>
        <LockedScreen />
      </Match>
      <Match when={registerLockState() === 'owner'}>
        <div class="app">
          <Header />
          <ShortcutHelp />
          <div class="app-body">
            <Show when={allowed()} fallback={<Splash />}>
              {/* Every register route but /pair needs a signed-in staff member (issue 3). */}
              <Show when={onPair() || signedInStaff() !== undefined} fallback={<Splash />}>
                <Show when={onPair() || signedInStaff()} fallback={<SignInScreen />}>
                  {props.children}
                </Show>
              </Show>
            </Show>
          </div>
        </div>
      </Match>
    </Switch>
  );
}

export function App(): JSX.Element {
  return (
    <Router root={Shell}>
      <Route path="/pair" component={PairScreen} />
      <Route path="/" component={SellScreen} />
      <Route path="/sales" component={SalesScreen} />
      <Route path="/orders" component={OrdersScreen} />
      <Route path="/orders/import" component={ImportScreen} />
      <Route path="/orders/:id" component={OrderDetailScreen} />
      <Route path="/sync" component={SyncScreen} />
      <Route path="/journal" component={JournalScreen} />
      <Route path="/shift" component={ShiftScreen} />
      <Route path="/returns" component={ReturnScreen} />
      <Route path="/devices" component={DevicesScreen} />
      <Route path="/customers" component={CustomersScreen} />
      <Route path="/invoices/:id" component={InvoiceScreen} />
      <Route path="/reports" component={ReportsScreen} />
      <Route path="/reports/shifts" component={ReconcileShiftsScreen} />
      <Route path="/products" component={ProductsScreen} />
      <Route path="/products/new" component={ProductEditScreen} />
      <Route path="/products/:sku" component={ProductEditScreen} />
      <Route path="/stock" component={StockScreen} />
      <Route path="/stock/take" component={StockTakeScreen} />
      <Route path="/stock/receive" component={ReceivingScreen} />
      <Route path="/stock/transfer" component={TransferScreen} />
      <Route path="*rest" component={() => <Navigate href="/" />} />
    </Router>
  );
}
