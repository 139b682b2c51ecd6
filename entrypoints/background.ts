import { defineBackground } from '#imports';

export default defineBackground(() => {
  // Wiring is added in lib/background (message handlers, toolbar badge).
});
