// AI assistant settings and events (issue 8).
export {};
