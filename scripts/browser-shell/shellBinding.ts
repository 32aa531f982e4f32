/** The name of the Playwright binding that carries the page's IPC calls to the router in Node. */
export const SHELL_BINDING = '__tokenDeskInvoke';
