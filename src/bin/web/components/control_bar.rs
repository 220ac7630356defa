use yew::prelude::*;

/// Run, the four step granularities, the scrubber and the virtual clock. Disabled until the
/// runtime produces traces to step through.
#[function_component(ControlBar)]
pub fn control_bar() -> Html {
    html! {
        <div class="control-bar" role="toolbar" aria-label="Run and step">
            <button class="run" data-testid="run" disabled=true title="Run the script (coming with the interpreter)">{ "▶ Run" }</button>
            <button data-testid="step-back" disabled=true title="Step back">{ "◀" }</button>
            <button data-testid="step-line" disabled=true title="Next line">{ "line" }</button>
            <button data-testid="step-callback" disabled=true title="Next callback">{ "callback" }</button>
            <button data-testid="step-turn" disabled=true title="Next loop turn">{ "turn" }</button>
            <button data-testid="step-time" disabled=true title="Next timer">{ "time" }</button>
            <input class="scrubber" data-testid="scrubber" type="range" min="0" max="0" value="0" disabled=true aria-label="Position in the run" />
            <span class="clock" data-testid="clock" title="Virtual clock">{ "t = 0.000 s" }</span>
        </div>
    }
}
