/** The name of the Playwright binding that carries the page's IPC calls to the router in Node. */
export const SHELL_BINDING = '__tokenDeskInvoke';
/** The name of the page function the shell calls to hand main's events to the preload factory. */
export const SHELL_EVENT_RECEIVER = '__tokenDeskEvent';
