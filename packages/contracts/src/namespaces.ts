/** Socket.IO namespaces, both on the API's one port. */
export const WIDGET_NAMESPACE = '/widget';
export const ADMIN_NAMESPACE = '/admin';
