// Automation settings: business hours, auto-replies, quick templates (issue 7).
export {};
