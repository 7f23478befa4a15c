/**
 * The UI's door to the customer and invoice commands (like actions.ts, kept apart so that each slice
 * edits its own file).
 */
export { mergeCustomers, saveCustomer, type MergeCustomersRefusal, type SaveCustomerRefusal } from '../commands/customers.ts';
export { requestInvoice, type RequestInvoiceRefusal } from '../commands/invoice.ts';
export { emailReceipt, type EmailReceiptRefusal } from '../commands/email-receipt.ts';
